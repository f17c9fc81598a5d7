import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { SourcesModule } from '../sources/sources.module';
import { FolderWatcher } from '../folders/folder-watcher';
import { FeedPoller } from './feed-poller';
import { SourceHealthMonitor } from './source-health.monitor';

/** The pulled transports: feed polling and drop folders, plus quiet-source monitoring. */
@Module({
  imports: [IntakeModule, SourcesModule],
  providers: [FeedPoller, FolderWatcher, SourceHealthMonitor],
})
export class FeedsModule {}
