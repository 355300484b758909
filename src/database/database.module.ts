import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseConfig, databaseConfig } from '../config';
import { DataSource } from 'typeorm';
import { retryTransactionsOnLockConflict } from './lock-conflict-retry';
import { gateSqlite } from './sqlite-gate';
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
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        gateSqlite(dataSource);
        retryTransactionsOnLockConflict(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
