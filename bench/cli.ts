/** The value of `--name=value` on the command line, or `fallback` (the bench's diagnostics take their options so). */
export function cliArgument(name: string, fallback: string): string {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}
