// The session's board of long work in progress: a long job reports its steps here and
// `app.progress` reads the latest, so a progress bar can follow an import or a backup that
// runs off the session's thread. One piece of long work at a time (writes are queued).

import type { Progress, ProgressSink } from './progress.ts';

export class ProgressBoard {
  private latest: Progress | null = null;

  /** Runs `work`, its steps reported under `task`; the board is cleared when it ends. */
  async track<T>(task: string, work: (onProgress: ProgressSink) => Promise<T>): Promise<T> {
    try {
      return await work((step) => {
        this.latest = { task, ...step };
      });
    } finally {
      this.latest = null;
    }
  }

  /** The work running now and its latest step; null when none runs. */
  current(): Progress | null {
    return this.latest;
  }
}
