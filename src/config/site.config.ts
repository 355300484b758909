import { ConfigType, registerAs } from '@nestjs/config';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { validateEnv } from './config-validation';

class SiteEnv {
  /** The institution's name, in the web front-end's header and title */
  @MaxLength(100, { message: 'doit faire au plus 100 caractères' })
  SITE_NOM = 'Université de démonstration';

  /** The main colour of the web front-end (buttons, header, links), dark enough for white text on it */
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'doit être une couleur #rrggbb (#1d4e89)' })
  SITE_COULEUR_PRINCIPALE = '#1d4e89';

  /** The logo's address: an https:// URL or a path on this host (/logo.svg); empty: the name alone */
  @IsOptional()
  @Matches(/^(https?:\/\/[^\s"'<>]+|\/[^\s"'<>]*)$/, { message: 'doit être une URL http(s):// ou un chemin commençant par / (vide : pas de logo)' })
  SITE_LOGO_URL?: string;

  /** The built web front-end (index.html and assets/), served at / when it exists; `none`: the API serves no page */
  @IsString()
  WEB_DIST_DIR = 'web/dist';
}

export function parseSiteConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(SiteEnv, env);
  return {
    nom: e.SITE_NOM,
    couleurPrincipale: e.SITE_COULEUR_PRINCIPALE.toLowerCase(),
    logoUrl: e.SITE_LOGO_URL,
    webDistDir: e.WEB_DIST_DIR === 'none' ? undefined : e.WEB_DIST_DIR,
  };
}

export const siteConfig = registerAs('site', () => parseSiteConfig(process.env));
export type SiteConfig = ConfigType<typeof siteConfig>;
