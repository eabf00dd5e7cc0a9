// Next.js calls register() once when the server starts: the log names the source this process reads, decided by the
// same rule the pages use (PERIMETER_SOURCE, else a kubeconfig found as kubectl finds it, else the demo); history
// recording and the audit listener start here.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { configuredSource, describeSourceConfig } = await import('./server/sourceConfig');
  process.stdout.write(`perimeter: source ${describeSourceConfig(configuredSource())}\n`);
  const { bootHistory } = await import('./server/history/boot');
  await bootHistory();
}
