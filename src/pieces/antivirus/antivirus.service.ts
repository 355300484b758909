import { Inject, Injectable, Logger } from '@nestjs/common';
import { EtatDependance, sonder } from '../../common/health/etat-dependance';
import { Readable } from 'node:stream';
import { ClamavConfig, clamavConfig } from '../../config/clamav.config';
import { FichierErrors } from '../storage/file-errors';
import { ClamdIndisponible, analyserFlux, ping } from './clamd';

/**
 * The antivirus of uploads: clamd (CLAMAV_URL), asked for each file before it is kept. Without CLAMAV_URL every file
 * passes unscanned, as before. When clamd cannot answer, the upload is refused (503), unless the institution chose
 * CLAMAV_ACCEPTER_SANS_ANALYSE: then the file is kept unscanned and a warning logged.
 */
@Injectable()
export class Antivirus {
  private readonly logger = new Logger('Antivirus');

  constructor(@Inject(clamavConfig.KEY) private readonly config: ClamavConfig) {}

  /**
   * Scans the bytes `lire` gives (not called at all without CLAMAV_URL). Throws FICHIER_INFECTE (422) for a file clamd
   * detects, ANTIVIRUS_INDISPONIBLE (503) when clamd gives no verdict and unscanned files are not accepted.
   */
  async analyser(lire: () => Readable): Promise<void> {
    const adresse = this.config.adresse;
    if (!adresse) return;
    try {
      const verdict = await analyserFlux(adresse, lire(), this.config.timeoutMs);
      if (verdict.sain) return;
      this.logger.warn({ signature: verdict.signature }, 'Fichier infecté refusé');
      throw FichierErrors.infecte();
    } catch (error) {
      if (!(error instanceof ClamdIndisponible)) throw error;
      if (this.config.accepterSansAnalyse) {
        this.logger.warn(`Fichier gardé sans analyse antivirus (CLAMAV_ACCEPTER_SANS_ANALYSE) : ${error.message}`);
        return;
      }
      this.logger.error(`Envoi refusé, analyse antivirus impossible : ${error.message}`);
      throw FichierErrors.antivirusIndisponible();
    }
  }

  /** clamd's state for the readiness detail; undefined when no clamd is configured. */
  async etat(timeoutMs: number): Promise<EtatDependance | undefined> {
    const adresse = this.config.adresse;
    if (!adresse) return undefined;
    const delai = Math.min(timeoutMs, this.config.timeoutMs);
    return sonder(() => ping(adresse, delai), delai);
  }
}
