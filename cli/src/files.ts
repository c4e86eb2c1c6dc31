/** File I/O for the CLI: inputs with Go-style error texts, and atomic output that never truncates the input. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface InputFile {
  /** Name to show in messages ("-" is shown as "<stdin>"). */
  name: string;
  text: string;
}

const GO_ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
};

/** The message Go's os.Open would give, e.g. `open app.yaml: no such file or directory`. */
export function goOpenError(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  return `open ${file}: ${GO_ERRNO_TEXT[code] ?? (err instanceof Error ? err.message : String(err))}`;
}

/** Reads `-` (stdin), a file, or every *.yaml / *.yml file of a folder in name order. */
export function readInputs(filename: string): InputFile[] {
  if (filename === '-') return [{ name: '<stdin>', text: fs.readFileSync(0, 'utf8') }];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filename);
  } catch (e) {
    throw new Error(goOpenError(filename, e));
  }
  if (!stat.isDirectory()) return [{ name: filename, text: readText(filename) }];
  return fs.readdirSync(filename)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(filename, f))
    .map((f) => ({ name: f, text: readText(f) }));
}

export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(goOpenError(file, e));
  }
}

/** Writes via a temporary file in the same folder and a rename, so readers never see a half-written file. */
export function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { mode: existingMode(file) });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`write ${file}: ${(e as Error).message}`);
  }
}

function existingMode(file: string): number {
  try {
    return fs.statSync(file).mode & 0o777;
  } catch {
    return 0o644;
  }
}
