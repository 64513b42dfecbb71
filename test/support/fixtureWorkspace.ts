/**
 * Loads a fixture (one file, or a folder of files) as an in-memory workspace with annotations
 * stripped, and runs the rules over it.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { normalizeSettings, type NetpolLensSettings } from '../../shared/src/settings';
import { WorkspaceAnalysis } from '../../server/src/analysis/workspaceAnalysis';
import { buildFileModel, type FileModel } from '../../server/src/model/fileModel';
import { ManifestSet } from '../../server/src/model/manifestSet';
import type { ResolvedFinding } from '../../server/src/rules/runRules';
import { FindingsService } from '../../server/src/service/findingsService';
import { fileUri, kustomizePatchUris } from '../../server/src/workspace/loadFolder';
import { parseAnnotations, type ExpectedDiagnostic } from './annotations';

export interface FixtureFile {
  readonly path: string;
  readonly relativePath: string;
  readonly uri: string;
  readonly model: FileModel;
  readonly expected: readonly ExpectedDiagnostic[];
}

export interface FixtureWorkspace {
  readonly files: readonly FixtureFile[];
  readonly manifests: ManifestSet;
  readonly settings: NetpolLensSettings;
  readonly analysis: WorkspaceAnalysis;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    // A fix fixture's after.yaml is the expected result, not part of the workspace.
    else if (/\.(ya?ml|json)$/.test(e.name) && e.name !== 'settings.json' && e.name !== 'after.yaml' && !e.name.endsWith('.settings.json')) out.push(p);
  }
  return out.sort();
}

/** Settings: `settings.json` in a fixture folder, or `<name>.settings.json` beside a file fixture. */
function fixtureSettings(path: string, isDir: boolean): NetpolLensSettings {
  const settingsPath = isDir ? join(path, 'settings.json') : path.replace(/\.(ya?ml|json)$/, '.settings.json');
  return normalizeSettings(existsSync(settingsPath) ? JSON.parse(readFileSync(settingsPath, 'utf8')) : {});
}

export function loadFixture(path: string, settingsOverride?: Partial<NetpolLensSettings>): FixtureWorkspace {
  const isDir = statSync(path).isDirectory();
  const paths = isDir ? listFiles(path) : [path];
  const base = isDir ? path : join(path, '..');
  const files: FixtureFile[] = paths.map((p) => {
    const { text, expected } = parseAnnotations(readFileSync(p, 'utf8'));
    const uri = fileUri(p);
    return { path: p, relativePath: relative(base, p), uri, model: buildFileModel(uri, text, 1), expected };
  });
  const settings = { ...fixtureSettings(path, isDir), ...settingsOverride };
  const models = files.map((f) => f.model);
  const manifests = new ManifestSet(models, 1, kustomizePatchUris(models));
  return { files, manifests, settings, analysis: new WorkspaceAnalysis(manifests, settings) };
}

/** The file's findings as the editor and the CLI report them: through the findings service, so inside cluster views. */
export function findingsFor(ws: FixtureWorkspace, file: FixtureFile): ResolvedFinding[] {
  const service = new FindingsService((rule, error) => {
    throw new Error(`rule ${rule.id} threw: ${String(error instanceof Error ? error.stack : error)}`);
  });
  return service.findings(file.uri, ws.manifests, ws.settings);
}

/** Compare findings with annotations; returns a list of human-readable mismatches (empty = pass). */
export function compareWithAnnotations(
  ws: FixtureWorkspace,
  file: FixtureFile,
  onlyRule: string | undefined,
): string[] {
  const actual = findingsFor(ws, file).filter((f) => onlyRule === undefined || f.ruleId === onlyRule);
  const problems: string[] = [];
  const unmatched = [...file.expected];
  for (const exp of unmatched) {
    if (onlyRule !== undefined && exp.ruleId !== onlyRule) {
      problems.push(`${file.relativePath}:${exp.annotationLine}: annotation for ${exp.ruleId} in a fixture of ${onlyRule}`);
    }
  }
  const describe = (f: ResolvedFinding): string => {
    const s = file.model.lineIndex.positionAt(f.start);
    const e = file.model.lineIndex.positionAt(f.end);
    return `${f.severity} ${f.ruleId} at ${s.line + 1}:${s.character}-${e.line + 1}:${e.character}: ${f.message}`;
  };
  for (const f of actual) {
    const s = file.model.lineIndex.positionAt(f.start);
    const e = file.model.lineIndex.positionAt(f.end);
    const lineLength = (file.model.text.split('\n')[s.line] ?? '').replace(/\r$/, '').length;
    const endChar = e.line === s.line ? e.character : lineLength;
    const idx = unmatched.findIndex(
      (x) =>
        x.ruleId === f.ruleId &&
        x.severity === f.severity &&
        x.line === s.line &&
        x.startCharacter === s.character &&
        (x.endCharacter === endChar || (e.line !== s.line && x.endCharacter >= lineLength)) &&
        (x.messagePart === undefined || f.message.includes(x.messagePart)),
    );
    if (idx >= 0) unmatched.splice(idx, 1);
    else problems.push(`${file.relativePath}: unexpected ${describe(f)}`);
  }
  for (const x of unmatched) {
    if (onlyRule !== undefined && x.ruleId !== onlyRule) continue;
    problems.push(
      `${file.relativePath}:${x.annotationLine}: expected ${x.severity} ${x.ruleId} at ${x.line + 1}:${x.startCharacter}-${x.endCharacter}` +
        (x.messagePart ? ` with "${x.messagePart}"` : '') +
        ' — not reported',
    );
  }
  return problems;
}
