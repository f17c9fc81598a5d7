import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type Env } from '@lib/config';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { DATA_SOURCE } from './database.tokens';
import { DatabaseReadinessCheck } from './database-readiness.check';

@Global()
@Module({
  providers: [
    {
      provide: DATA_SOURCE,
      inject: [APP_CONFIG],
      useFactory: async (config: Env): Promise<DataSource> => {
        const dataSource = createDataSource({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: config.KAFKA_CLIENT_ID,
        });
        return dataSource.initialize();
      },
    },
    DatabaseReadinessCheck,
  ],
  exports: [DATA_SOURCE, DatabaseReadinessCheck],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  // Closed at application shutdown, after the Kafka consumers have drained (see KAFKA-NOTES).
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
