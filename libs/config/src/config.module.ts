import { Global, Module } from '@nestjs/common';
import { loadConfig } from './load-config';

/** Injection token for the validated configuration (`Env`). */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
