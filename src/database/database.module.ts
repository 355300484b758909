import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseConfig, databaseConfig } from '../config';
import { DataSource } from 'typeorm';
import { WaitBounds, boundMariadbWaits } from './bounded-waits';
import { retryAutocommitWritesOnLockConflict, retryTransactionsOnLockConflict } from './lock-conflict-retry';
import { gateSqlite } from './sqlite-gate';
import { lierEntiersSqlite } from './sqlite-entiers-lies';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (config: DatabaseConfig) => ({
        ...dataSourceOptions(config),
        // A database restarting during a deployment gets a few seconds; a wrong URL fails fast.
        retryAttempts: 3,
        retryDelay: 2000,
        // Read by dataSourceFactory below (TypeORM ignores the key).
        waitBounds: config.type === 'mysql' ? { queryTimeoutMs: config.queryTimeoutMs, jobQueryTimeoutMs: config.jobQueryTimeoutMs } : undefined,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        gateSqlite(dataSource);
        lierEntiersSqlite(dataSource);
        // After initialize(): the migrations run at start-up are not bounded, a long one must be able to finish.
        const { waitBounds } = options as { waitBounds?: WaitBounds };
        if (waitBounds) boundMariadbWaits(dataSource, waitBounds);
        retryTransactionsOnLockConflict(dataSource);
        retryAutocommitWritesOnLockConflict(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
