import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../src/config/database.config';
import { loadEnvFiles } from '../src/config/env';
import { dataSourceOptions } from '../src/database/data-source-options';

// Entry point of the TypeORM CLI (npm run migration:run / migration:revert / migration:generate).
loadEnvFiles();
export default new DataSource({ ...dataSourceOptions(parseDatabaseConfig(process.env)), migrationsRun: false });
