import cliProgress from 'cli-progress';

/** A progress bar for long CLI work; prints plain lines when not on a terminal. */
export function progressBar(label: string) {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% {value}/{total} {detail}`,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    /** `detail` is shown after the counts, e.g. the item being worked on. */
    update(done: number, total: number, detail = '') {
      if (!started) {
        bar.start(total, 0, { detail });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { detail });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
