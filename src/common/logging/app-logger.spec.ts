import pino from 'pino';
import { AppLogger } from './app-logger';

describe('AppLogger', () => {
  function logger() {
    const lines: { level: number; context?: string; msg: string }[] = [];
    const root = pino({ level: 'trace' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    return { app: new AppLogger(root), lines };
  }

  it("writes Nest's start-up chatter (modules, routes) at debug, the rest of log() at info", () => {
    const { app, lines } = logger();
    app.log('AppModule dependencies initialized', 'InstanceLoader');
    app.log('Mapped {/api/offre, GET} route', 'RouterExplorer');
    app.log('CandidatureController {/api/candidat/candidatures}:', 'RoutesResolver');
    app.log('Données de démonstration chargées', 'DemoService');
    expect(lines.map((l) => [l.context, l.level])).toEqual([
      ['InstanceLoader', 20],
      ['RouterExplorer', 20],
      ['RoutesResolver', 20],
      ['DemoService', 30],
    ]);
  });
});
