import { CallHandler, Inject, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { Observable, catchError, concatMap, map, throwError, timer } from 'rxjs';
import { AppConfig, appConfig } from '../../config';

/**
 * Answers no sooner than `COMPTE_REPONSE_MIN_MS` after the request arrived, success or error alike. The account
 * forms do different work for a known and an unknown address (a mail rendered, rows written, or nothing); on a busy
 * machine that difference grows to tens of milliseconds, enough to tell which addresses have an account. Under the
 * floor, both answer at the same time.
 */
@Injectable()
export class DureeUniformeInterceptor implements NestInterceptor {
  constructor(@Inject(appConfig.KEY) private readonly app: AppConfig) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    const echeance = performance.now() + this.app.reponseCompteMinMs;
    const attendre = () => timer(Math.max(0, echeance - performance.now()));
    return next.handle().pipe(
      concatMap((valeur) => attendre().pipe(map(() => valeur))),
      catchError((erreur) => attendre().pipe(concatMap(() => throwError(() => erreur)))),
    );
  }
}

/** The route's answer takes the same time whatever the address it names (see DureeUniformeInterceptor). */
export const DureeUniforme = () => UseInterceptors(DureeUniformeInterceptor);
