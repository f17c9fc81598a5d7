import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { SourcesModule } from '../sources/sources.module';
import { OverridesController } from './overrides.controller';
import { OverridesRepository } from './overrides.repository';

@Module({
  imports: [IntakeModule, SourcesModule],
  controllers: [OverridesController],
  providers: [OverridesRepository],
})
export class OverridesModule {}
