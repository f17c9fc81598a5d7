import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './database.tokens';

@Injectable()
export class DatabaseReadinessCheck {
  readonly name = 'postgresql';

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async isReady(): Promise<boolean> {
    await this.dataSource.query('SELECT 1');
    return true;
  }
}
