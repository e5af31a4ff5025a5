import { withCpuSpeed } from './cpu-speed';

/** The value of `--name=value` on the command line, or `fallback` (the bench's diagnostics take their options so). */
export function cliArgument(name: string, fallback: string): string {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

/**
 * Runs one of the bench's diagnostics (profile-*.ts) as its command: with the CPU speed probe
 * beside it (its speeds printed after the results), and on a failure its stack and exit code 1.
 */
export function runDiagnostic(main: () => Promise<void>): void {
  withCpuSpeed(main).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
