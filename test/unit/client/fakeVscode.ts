/**
 * Just enough of the `vscode` module to run the bundled client (`dist/client.js`) under node: the
 * real vscode-languageclient then starts the real server over IPC. Records what the user would
 * see (status bar text, messages, diagnostics, registered commands, quick picks and input boxes,
 * opened documents, webviews, applied edits, executed commands) and fires `changed` on each
 * record, so tests wait on state instead of sleeping. What the user answers comes from `ui`, which
 * a test sets; unset, every prompt is dismissed. Everything not modelled is an inert stub.
 */
import { EventEmitter } from 'node:events';
import Module from 'node:module';
import { pathToFileURL } from 'node:url';

export interface FakeVscodeRecord {
  readonly statusTexts: string[];
  readonly errorMessages: string[];
  readonly infoMessages: string[];
  readonly warningMessages: string[];
  readonly diagnostics: Map<string, string[]>;
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
  /** Quick picks and input boxes shown, by title, with the labels offered. */
  readonly prompts: { readonly title: string; readonly items?: readonly string[] }[];
  /** Untitled documents opened (`openTextDocument({ language, content })`) and documents shown. */
  readonly openedDocuments: { readonly language: string; readonly content: string; readonly uri: FakeUri }[];
  readonly shownDocuments: FakeUri[];
  readonly webviews: FakeWebview[];
  /** Workspace edits applied: per uri, the text edits. */
  readonly appliedEdits: FakeWorkspaceEdit[];
  readonly executedCommands: { readonly id: string; readonly args: readonly unknown[] }[];
  readonly changed: EventEmitter;
}

export interface FakeUri {
  readonly scheme: string;
  readonly fsPath: string;
  readonly path: string;
  toString(): string;
}

/** One applied workspace edit: per uri, the text edits. */
export type FakeWorkspaceEdit = ReadonlyMap<string, readonly { range: FakeRange; newText: string }[]>;

export interface FakeRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface FakeWebview {
  readonly viewType: string;
  readonly title: string;
  html: string;
  /** Messages the extension posted to the page. */
  readonly posted: unknown[];
  /** Sends a message from the page to the extension; resolves when its handlers have run. */
  fromPage(message: unknown): Promise<void>;
}

/** A quick-pick item as the commands build them (a string, or an object with a label). */
export type PickItem = string | { readonly label: string };

/**
 * The user's answers. `pick` gets the offered items and returns one of them (or undefined:
 * dismissed); `input` may check its answer with the box's `validateInput`; `choose` answers a
 * message with one of its buttons.
 */
export interface FakeUi {
  pick?: (title: string, items: readonly PickItem[]) => PickItem | undefined;
  input?: (title: string, validate: (value: string) => string | undefined) => string | undefined;
  choose?: (message: string, actions: readonly string[]) => string | undefined;
}

export interface FakeEditor {
  readonly document: { readonly uri: FakeUri };
  readonly selection: { readonly active: { readonly line: number; readonly character: number } };
}

type AnyFn = (...args: unknown[]) => unknown;

/** A callable, constructible object whose every property is itself: the inert stub. */
const inert: unknown = new Proxy(function () {}, {
  get: (_t, p) => (p === 'then' ? undefined : p === Symbol.iterator ? function* () {} : p === Symbol.toPrimitive ? () => '' : inert),
  apply: () => inert,
  construct: () => inert as object,
});

/** `target`, with the inert stub for anything it lacks (but no `then`: it is not a promise). */
const withStubs = <T extends object>(target: T): T =>
  new Proxy(target, { get: (t, p) => (p in t ? (t as Record<string | symbol, unknown>)[p] : p === 'then' ? undefined : inert) });

const noEvent = () => () => ({ dispose() {} });

function uri(path: string): FakeUri {
  const href = pathToFileURL(path).href;
  return { scheme: 'file', fsPath: path, path, toString: () => href };
}

function parseUri(text: string): FakeUri {
  const url = new URL(text);
  if (url.protocol === 'file:') return uri(decodeURIComponent(url.pathname));
  return { scheme: url.protocol.slice(0, -1), fsPath: url.pathname, path: url.pathname, toString: () => text };
}

const labelOf = (item: PickItem): string => (typeof item === 'string' ? item : item.label);

export function createFakeVscode(workspaceFolder: string, ui: FakeUi = {}): { vscode: unknown; record: FakeVscodeRecord; setActiveEditor: (editor: FakeEditor | undefined) => void } {
  const changed = new EventEmitter();
  const record: FakeVscodeRecord = {
    statusTexts: [],
    errorMessages: [],
    infoMessages: [],
    warningMessages: [],
    diagnostics: new Map(),
    commands: new Map(),
    prompts: [],
    openedDocuments: [],
    shownDocuments: [],
    webviews: [],
    appliedEdits: [],
    executedCommands: [],
    changed,
  };
  const note = () => changed.emit('change');
  let untitled = 0;

  const statusItem: Record<string, unknown> = { show() {}, hide() {}, dispose() {} };
  let text = '';
  Object.defineProperty(statusItem, 'text', {
    get: () => text,
    set: (v: string) => {
      if (v !== text) record.statusTexts.push(v);
      text = v;
      note();
    },
  });

  const showMessage =
    (list: string[]) =>
    (message: string, ...actions: unknown[]) => {
      list.push(message);
      const buttons = actions.filter((a): a is string => typeof a === 'string');
      const answer = buttons.length > 0 ? ui.choose?.(message, buttons) : undefined;
      note();
      return Promise.resolve(answer);
    };

  const showQuickPick = (items: readonly PickItem[] | Promise<readonly PickItem[]>, options?: { title?: string }) =>
    Promise.resolve(items).then((list) => {
      const title = options?.title ?? '';
      record.prompts.push({ title, items: list.map(labelOf) });
      note();
      return ui.pick?.(title, list);
    });

  const showInputBox = (options?: { title?: string; validateInput?: (value: string) => unknown }) => {
    const title = options?.title ?? '';
    record.prompts.push({ title });
    note();
    const validate = (value: string): string | undefined => {
      const message = options?.validateInput?.(value);
      return typeof message === 'string' ? message : undefined;
    };
    return Promise.resolve(ui.input?.(title, validate));
  };

  const createWebviewPanel = (viewType: string, title: string) => {
    const handlers: ((message: unknown) => unknown)[] = [];
    const view: FakeWebview = {
      viewType,
      title,
      html: '',
      posted: [],
      fromPage: async (message) => {
        await Promise.all(handlers.map((h) => h(message)));
      },
    };
    record.webviews.push(view);
    note();
    const webview = withStubs({
      cspSource: 'vscode-webview:',
      get html() {
        return view.html;
      },
      set html(value: string) {
        view.html = value;
        note();
      },
      onDidReceiveMessage: (handler: (message: unknown) => unknown) => {
        handlers.push(handler);
        return { dispose: () => handlers.splice(handlers.indexOf(handler), 1) };
      },
      postMessage: (message: unknown) => {
        view.posted.push(message);
        note();
        return Promise.resolve(true);
      },
    });
    return withStubs({ webview, onDidDispose: noEvent(), reveal() {}, dispose() {} });
  };

  class Position {
    constructor(
      readonly line: number,
      readonly character: number,
    ) {}
  }

  class Range implements FakeRange {
    readonly start: Position;
    readonly end: Position;
    constructor(...args: unknown[]) {
      const [a, b, c, d] = args;
      if (typeof a === 'number') {
        this.start = new Position(a, b as number);
        this.end = new Position(c as number, d as number);
      } else {
        this.start = a as Position;
        this.end = b as Position;
      }
    }
  }

  class WorkspaceEdit {
    readonly edits = new Map<string, { range: FakeRange; newText: string }[]>();
    set(target: FakeUri, edits: { range: FakeRange; newText: string }[]): void {
      this.edits.set(target.toString(), [...(this.edits.get(target.toString()) ?? []), ...edits]);
    }
    replace(target: FakeUri, range: FakeRange, newText: string): void {
      this.set(target, [{ range, newText }]);
    }
    insert(target: FakeUri, position: Position, newText: string): void {
      this.set(target, [{ range: new Range(position, position), newText }]);
    }
    entries(): [FakeUri, { range: FakeRange; newText: string }[]][] {
      return [...this.edits].map(([u, e]) => [parseUri(u), e]);
    }
    get size(): number {
      return this.edits.size;
    }
  }

  let activeTextEditor: FakeEditor | undefined;

  const vscode = withStubs({
    version: '1.91.0',
    window: withStubs({
      createOutputChannel: (name: string) => withStubs({ name, append() {}, appendLine() {}, show() {}, dispose() {} }),
      createStatusBarItem: () => statusItem,
      showErrorMessage: showMessage(record.errorMessages),
      showWarningMessage: showMessage(record.warningMessages),
      showInformationMessage: showMessage(record.infoMessages),
      showQuickPick,
      showInputBox,
      createWebviewPanel,
      showTextDocument: (doc: { uri: FakeUri }) => {
        record.shownDocuments.push(doc.uri);
        note();
        return Promise.resolve(withStubs({ document: doc }));
      },
      visibleTextEditors: [],
      get activeTextEditor() {
        return activeTextEditor;
      },
      onDidChangeVisibleTextEditors: noEvent(),
      onDidChangeActiveTextEditor: noEvent(),
    }),
    workspace: withStubs({
      workspaceFolders: [{ uri: uri(workspaceFolder), name: 'workspace', index: 0 }],
      textDocuments: [],
      notebookDocuments: [],
      getConfiguration: () => ({ get: (_k: string, d: unknown) => d, has: () => false, inspect: () => undefined, update: async () => {} }),
      openTextDocument: (options: { language?: string; content?: string }) => {
        const doc = { uri: parseUri(`untitled:Untitled-${++untitled}`), language: options.language ?? 'plaintext', content: options.content ?? '' };
        record.openedDocuments.push(doc);
        note();
        return Promise.resolve(doc);
      },
      applyEdit: (edit: WorkspaceEdit) => {
        record.appliedEdits.push(edit.edits);
        note();
        return Promise.resolve(true);
      },
      createFileSystemWatcher: () => ({ onDidCreate: noEvent(), onDidChange: noEvent(), onDidDelete: noEvent(), dispose() {} }),
      onDidChangeConfiguration: noEvent(),
      onDidOpenTextDocument: noEvent(),
      onDidCloseTextDocument: noEvent(),
      onDidChangeTextDocument: noEvent(),
      onDidSaveTextDocument: noEvent(),
      onWillSaveTextDocument: noEvent(),
      onDidChangeWorkspaceFolders: noEvent(),
      onDidOpenNotebookDocument: noEvent(),
      onDidChangeNotebookDocument: noEvent(),
      onDidSaveNotebookDocument: noEvent(),
      onDidCloseNotebookDocument: noEvent(),
    }),
    languages: withStubs({
      createDiagnosticCollection: () =>
        withStubs({
          set: (target: { toString(): string } | undefined, diagnostics?: { message: string }[]) => {
            if (target !== undefined && diagnostics !== undefined) {
              record.diagnostics.set(String(target), diagnostics.map((d) => d.message));
              note();
            }
          },
          delete() {},
          clear() {},
          dispose() {},
          forEach() {},
        }),
    }),
    commands: withStubs({
      registerCommand: (id: string, handler: AnyFn) => {
        record.commands.set(id, handler);
        return { dispose: () => record.commands.delete(id) };
      },
      executeCommand: (id: string, ...args: unknown[]) => {
        record.executedCommands.push({ id, args });
        note();
        return Promise.resolve(undefined);
      },
    }),
    env: withStubs({ language: 'en', appName: 'fake', machineId: 'test', sessionId: 'test' }),
    extensions: withStubs({ all: [], getExtension: () => undefined }),
    Uri: { file: uri, parse: parseUri },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    WorkspaceEdit,
    TextEdit: class {
      constructor(
        readonly range: FakeRange,
        readonly newText: string,
      ) {}
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    Diagnostic: class {
      constructor(
        readonly range: unknown,
        readonly message: string,
        readonly severity: number,
      ) {}
    },
    Range,
    Position,
    Location: class {
      constructor(
        readonly uri: unknown,
        readonly range: unknown,
      ) {}
    },
    DiagnosticRelatedInformation: class {
      constructor(
        readonly location: unknown,
        readonly message: string,
      ) {}
    },
    Disposable: class {
      constructor(private readonly onDispose?: () => void) {}
      dispose(): void {
        this.onDispose?.();
      }
      static from(...ds: { dispose(): void }[]) {
        return { dispose: () => ds.forEach((d) => d.dispose()) };
      }
    },
    EventEmitter: class {
      private readonly listeners: AnyFn[] = [];
      readonly event = (listener: AnyFn) => {
        this.listeners.push(listener);
        return { dispose: () => this.listeners.splice(this.listeners.indexOf(listener), 1) };
      };
      fire(e: unknown): void {
        for (const l of [...this.listeners]) l(e);
      }
      dispose(): void {}
    },
    CancellationTokenSource: class {
      readonly token = { isCancellationRequested: false, onCancellationRequested: noEvent() };
      cancel(): void {}
      dispose(): void {}
    },
  });
  return {
    vscode,
    record,
    setActiveEditor: (editor) => {
      activeTextEditor = editor;
    },
  };
}

interface ModuleLoader {
  _load(request: string, ...rest: unknown[]): unknown;
}

/**
 * Requires `modulePath` afresh with `require('vscode')` answered by `vscode` until `restore` is
 * called (the bundle may require it lazily, not only while loading).
 */
export function requireWithVscode(modulePath: string, vscode: unknown): { exports: unknown; restore: () => void } {
  const loader = Module as unknown as ModuleLoader;
  const original = loader._load.bind(loader);
  const load = Module.createRequire(__filename);
  const resolved = load.resolve(modulePath);
  delete load.cache[resolved];
  loader._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? vscode : original(request, ...rest));
  const restore = () => {
    loader._load = original;
  };
  try {
    return { exports: load(resolved) as unknown, restore };
  } catch (error) {
    restore();
    throw error;
  }
}

/** Resolves once `predicate` holds, re-checked on each recorded change; rejects after `timeoutMs`. */
export function waitFor(record: FakeVscodeRecord, what: string, predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      record.changed.off('change', check);
      resolve();
    };
    const timer = setTimeout(() => {
      record.changed.off('change', check);
      reject(new Error(`timed out waiting for ${what}; status bar went: ${record.statusTexts.join(' → ')}`));
    }, timeoutMs);
    record.changed.on('change', check);
    check();
  });
}
