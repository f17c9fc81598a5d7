import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { WIRE_FORMATS } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { withCorrelation } from '@lib/observability';
import { PeriodicTask } from '../common/periodic-task';
import { RejectedInputError } from '../intake/intake.errors';
import { IntakeService } from '../intake/intake.service';
import { SourceRepository } from '@lib/admin';
import {
  DONE_DIR,
  ERROR_DIR,
  ensureFolders,
  moveTo,
  readyFiles,
  writeReason,
  type FileSighting,
} from './drop-folder';

/**
 * Takes files agencies drop into a folder (as they deliver over FTP): each one is parsed and
 * kept, then moved to `done/`; a refused file goes to `error/` with a `.reason` file beside
 * it. A file whose storage failed stays where it is and is tried again on the next scan.
 */
@Injectable()
export class FolderWatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(FolderWatcher.name);
  private readonly sightings = new Map<string, Map<string, FileSighting>>();
  private readonly task: PeriodicTask;

  constructor(
    private readonly sources: SourceRepository,
    private readonly intake: IntakeService,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {
    this.task = new PeriodicTask(config.FOLDER_SCAN_MS, () => this.scanAll());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  private async scanAll(): Promise<void> {
    let folders: Awaited<ReturnType<SourceRepository['folderSources']>>;
    try {
      folders = await this.sources.folderSources();
    } catch {
      return; // database unavailable: files wait in their folder
    }
    for (const source of folders) {
      try {
        await ensureFolders(source.folder);
        const { ready, seen } = await readyFiles(
          source.folder,
          this.sightings.get(source.folder) ?? new Map<string, FileSighting>(),
        );
        this.sightings.set(source.folder, seen);
        for (const path of ready) await this.take(path, source);
      } catch (error) {
        this.log.warn(`drop folder ${source.folder} of ${source.name}: ${String(error)}`);
      }
    }
  }

  /** One file is one submission: its lines, down to the services after, share a correlation id. */
  private take(path: string, source: DropSource): Promise<void> {
    const correlationId = randomUUID();
    return withCorrelation(correlationId, () => this.submitFile(path, source, correlationId));
  }

  private async submitFile(path: string, source: DropSource, correlationId: string): Promise<void> {
    try {
      const result = await this.intake.submit({
        bytes: await readFile(path),
        source: source.name,
        provider: source.provider ?? undefined,
        transport: 'folder',
        filename: basename(path),
        forcedFormat: WIRE_FORMATS.find((f) => f === source.format),
        correlationId,
        receivedAt: new Date(),
      });
      await moveTo(path, DONE_DIR);
      this.log.log(
        `${basename(path)} from ${source.name}: ${result.results.map((r) => `${r.uri} ${r.status}`).join(', ')}`,
      );
    } catch (error) {
      if (!(error instanceof RejectedInputError)) {
        this.log.warn(
          `${basename(path)} from ${source.name} left for the next scan: ${String(error)}`,
        );
        return;
      }
      const moved = await moveTo(path, ERROR_DIR);
      const { code, format, line, field } = error.wireError;
      await writeReason(
        moved,
        [
          `${code}: ${error.message}`,
          format && `format: ${format}`,
          line !== undefined && `line: ${line}`,
          field && `field: ${field}`,
          `rejected item: ${error.rejectedItemId}`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
      this.log.warn(`${basename(path)} from ${source.name} refused: ${code}`);
    }
  }
}

interface DropSource {
  name: string;
  provider: string | null;
  format: string | null;
}
