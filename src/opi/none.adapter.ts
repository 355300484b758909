import { OpiPort } from './opi.port';

/**
 * OPI_ADAPTER=none: OPI are not used. Confirmations are still queued, but the `envoi-opi` job pushes nothing and
 * leaves every row pending (OpiService never calls this adapter), so choosing an adapter later sends the backlog.
 */
export class NoOpi implements OpiPort {
  readonly source = 'none';

  async envoyer(): Promise<{ lot: string }> {
    throw new Error("OPI_ADAPTER=none : les OPI ne sont pas transmises au SI Scolarité");
  }
}
