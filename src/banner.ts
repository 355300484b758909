import { API_PREFIX, DOCS_PATH, HEALTH_PATH, OPENAPI_JSON_PATH, READY_PATH } from './common/api/api-paths';
import { API_NAME } from './api-index/api-index';
import { DEMO_CANDIDATS, DEMO_CANDIDAT_PASSWORD, DEMO_STAFF } from './demo/demo.service';

export interface BannerInfo {
  /** Where this process answers, e.g. http://127.0.0.1:3000 */
  base: string;
  env: string;
  demoData: boolean;
  /** The folder of the `file` mail transport; null with SMTP */
  mailDir: string | null;
  /** The web front-end is served at / (WEB_DIST_DIR holds a build) */
  site?: boolean;
}

/** What start-up prints: every address in it answers 200 (test/demarrage.e2e-spec.ts GETs each from the real process). */
export function bannerLines({ base, env, demoData, mailDir, site }: BannerInfo): string[] {
  return [
    '',
    `  ${API_NAME} démarrée (${env})`,
    ...(site ? [`  Site web         ${base}/`] : []),
    `  API              ${base}/${API_PREFIX}`,
    `  Swagger UI       ${base}/${DOCS_PATH}`,
    `  OpenAPI (JSON)   ${base}/${OPENAPI_JSON_PATH}`,
    `  Santé            ${base}/${HEALTH_PATH}  ·  ${base}/${READY_PATH}`,
    ...(demoData
      ? [
          '',
          '  Comptes de démonstration (POST /api/auth/login, puis « Authorize » dans Swagger UI) :',
          ...DEMO_STAFF.map((s) => `    ${s.role.padEnd(14)} ${s.login.padEnd(13)} ${s.password}`),
          ...DEMO_CANDIDATS.map((c) => `    ${'candidat'.padEnd(14)} ${c.numeroDossier.padEnd(13)} ${DEMO_CANDIDAT_PASSWORD}   (${c.prenom} ${c.nom} : ${c.formations.join(', ') || 'pas encore de candidature'})`),
        ]
      : []),
    ...(mailDir ? ['', `  Mails écrits dans ${mailDir}/ (fichiers .eml, envoyés toutes les 10 s)`] : []),
    '',
  ];
}

/** The address to print for a listening address: a wildcard is reachable as localhost. */
export function localBase(host: string, port: number): string {
  return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
}
