import { resolve } from 'node:path';
import { Provider } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { OpiConfig, opiConfig } from '../config';
import { FileOpi } from './file.adapter';
import { NoOpi } from './none.adapter';
import { OPI, OpiPort } from './opi.port';

/** The adapter OPI_ADAPTER names; an Apogée or Pégase adapter is one more case here. */
export const opiProvider: Provider = {
  provide: OPI,
  inject: [opiConfig.KEY, Clock],
  useFactory: (config: OpiConfig, clock: Clock): OpiPort => {
    switch (config.adapter) {
      case 'file':
        return new FileOpi(resolve(config.dir as string), clock);
      case 'none':
        return new NoOpi();
    }
  },
};
