// Runs inside the code-server page (added with page.addInitScript): plain browser JavaScript, so
// no TypeScript helper ever leaks into the page. Installs window.__netpolE2e for workbench.ts.
(() => {
  /** Line numbers (1-based) beside each squiggle decoration of one severity in an editor. */
  function squiggleLines(q) {
    const editor = document.querySelector(q.selector);
    if (!editor) return [];
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((el) => {
      const r = el.getBoundingClientRect();
      return { line: Number(el.textContent), top: r.top, bottom: r.bottom };
    });
    return [...editor.querySelectorAll(`.view-overlays .squiggly-${q.severity}`)].map((s) => {
      const r = s.getBoundingClientRect();
      const mid = (r.top + r.bottom) / 2;
      const n = numbers.find((x) => mid >= x.top && mid <= x.bottom);
      return n ? n.line : -1;
    });
  }

  /** Bounding box of `part` inside the nth rendered occurrence of `needle` in an editor. */
  function textRect(q) {
    const editor = document.querySelector(q.selector);
    if (!editor) return undefined;
    const lines = [...editor.querySelectorAll('.view-lines .view-line')].sort(
      (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
    );
    let seen = 0;
    for (const line of lines) {
      const text = (line.textContent || '').replace(/\u00a0/g, ' ');
      for (let i = text.indexOf(q.needle); i >= 0; i = text.indexOf(q.needle, i + 1)) {
        if (seen++ !== q.nth) continue;
        const start = i + Math.max(0, q.needle.indexOf(q.part));
        const end = start + q.part.length;
        const range = document.createRange();
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = (node.textContent || '').length;
          if (start >= offset && start < offset + len) range.setStart(node, start - offset);
          if (end > offset && end <= offset + len) range.setEnd(node, end - offset);
          offset += len;
        }
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
    }
    return undefined;
  }

  window.__netpolE2e = { squiggleLines, textRect };
})();
