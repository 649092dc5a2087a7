/**
 * Ctrl-C (or SIGTERM) during a run: the first one asks the core to stop cooperatively and write
 * the partial result; after it our listeners are gone, so a second Ctrl-C gets Node's default
 * action and the process ends at once (the shell sees 130).
 */
export function interruptOnSignal(onFirst: () => void): { signal: AbortSignal; dispose(): void } {
  const abort = new AbortController();
  const onSignal = () => {
    dispose();
    onFirst();
    abort.abort();
  };
  const dispose = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { signal: abort.signal, dispose };
}
