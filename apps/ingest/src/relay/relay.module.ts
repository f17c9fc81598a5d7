import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { RelayLifecycle } from './relay.lifecycle';

@Module({
  imports: [IntakeModule],
  providers: [RelayLifecycle],
  exports: [RelayLifecycle],
})
export class RelayModule {}
