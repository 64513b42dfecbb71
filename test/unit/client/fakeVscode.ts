/**
 * Just enough of the `vscode` module to run the bundled client (`dist/client.js`) under node: the
 * real vscode-languageclient then starts the real server over IPC. Records what the user would
 * see (status bar text, messages, diagnostics, registered commands) and fires `changed` on each
 * record, so tests wait on state instead of sleeping. Everything not modelled is an inert stub.
 */
import { EventEmitter } from 'node:events';
import Module from 'node:module';
import { pathToFileURL } from 'node:url';

export interface FakeVscodeRecord {
  readonly statusTexts: string[];
  readonly errorMessages: string[];
  readonly diagnostics: Map<string, string[]>;
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
  readonly changed: EventEmitter;
}

type AnyFn = (...args: unknown[]) => unknown;

/** A callable, constructible object whose every property is itself: the inert stub. */
const inert: unknown = new Proxy(function () {}, {
  get: (_t, p) => (p === 'then' ? undefined : p === Symbol.iterator ? function* () {} : p === Symbol.toPrimitive ? () => '' : inert),
  apply: () => inert,
  construct: () => inert as object,
});

const withStubs = <T extends object>(target: T): T =>
  new Proxy(target, { get: (t, p) => (p in t ? (t as Record<string | symbol, unknown>)[p] : inert) });

const noEvent = () => () => ({ dispose() {} });

function uri(path: string) {
  const href = pathToFileURL(path).href;
  return { scheme: 'file', fsPath: path, path, toString: () => href };
}

export function createFakeVscode(workspaceFolder: string): { vscode: unknown; record: FakeVscodeRecord } {
  const changed = new EventEmitter();
  const record: FakeVscodeRecord = { statusTexts: [], errorMessages: [], diagnostics: new Map(), commands: new Map(), changed };
  const note = () => changed.emit('change');

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

  const showMessage = (list: string[] | undefined) => (message: string) => {
    list?.push(message);
    note();
    return Promise.resolve(undefined);
  };

  const vscode = withStubs({
    version: '1.91.0',
    window: withStubs({
      createOutputChannel: (name: string) => withStubs({ name, append() {}, appendLine() {}, show() {}, dispose() {} }),
      createStatusBarItem: () => statusItem,
      showErrorMessage: showMessage(record.errorMessages),
      showWarningMessage: showMessage(undefined),
      showInformationMessage: showMessage(undefined),
      visibleTextEditors: [],
      activeTextEditor: undefined,
      onDidChangeVisibleTextEditors: noEvent(),
      onDidChangeActiveTextEditor: noEvent(),
    }),
    workspace: withStubs({
      workspaceFolders: [{ uri: uri(workspaceFolder), name: 'workspace', index: 0 }],
      textDocuments: [],
      notebookDocuments: [],
      getConfiguration: () => ({ get: (_k: string, d: unknown) => d, has: () => false, inspect: () => undefined, update: async () => {} }),
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
      executeCommand: () => Promise.resolve(undefined),
    }),
    env: withStubs({ language: 'en', appName: 'fake', machineId: 'test', sessionId: 'test' }),
    extensions: withStubs({ all: [], getExtension: () => undefined }),
    Uri: { file: uri, parse: (s: string) => uri(new URL(s).pathname) },
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
    Range: class {
      constructor(...args: unknown[]) {
        Object.assign(this, { args });
      }
    },
    Position: class {
      constructor(
        readonly line: number,
        readonly character: number,
      ) {}
    },
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
  return { vscode, record };
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
