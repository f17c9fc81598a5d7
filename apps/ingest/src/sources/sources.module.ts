import { Module } from '@nestjs/common';
import { AdminHttpModule } from '@lib/admin';
import { SourceKeyGuard } from './auth.guards';

@Module({
  imports: [AdminHttpModule],
  providers: [SourceKeyGuard],
  exports: [AdminHttpModule, SourceKeyGuard],
})
export class SourcesModule {}
