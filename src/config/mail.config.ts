import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { validateEnv } from './config-validation';

class MailEnv {
  @IsIn(['file', 'smtp'], { message: 'doit valoir file (fichiers .eml) ou smtp' })
  MAIL_TRANSPORT = 'file';

  @IsString()
  @MinLength(1, { message: 'doit être un dossier' })
  MAIL_FILE_DIR = 'var/mail';

  @Matches(/^(.+<)?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'doit être une adresse, par exemple « Nom <adresse@domaine> »' })
  MAIL_FROM = 'Candidatures <no-reply@candidatures.localhost>';

  @ValidateIf((e: MailEnv) => e.MAIL_TRANSPORT === 'smtp')
  @Matches(/^smtps?:\/\/[^\s/]+(:\d+)?\/?(\?.*)?$/, {
    message: 'doit être smtp://hôte:port ou smtps://utilisateur:motdepasse@hôte:port quand MAIL_TRANSPORT=smtp',
  })
  @IsOptional()
  SMTP_URL?: string;

  /** SMTP connections used at once by one sender: a slow server then delays the queue less */
  @Type(() => Number)
  @IsInt({ message: 'doit être un nombre de connexions entre 1 et 20' })
  @Min(1, { message: 'doit être un nombre de connexions entre 1 et 20' })
  @Max(20, { message: 'doit être un nombre de connexions entre 1 et 20' })
  SMTP_POOL_SIZE = 3;

  /** How long a sender's hold on a mail (and on the envoi-mails lease) lasts unless renewed */
  @Type(() => Number)
  @IsInt({ message: 'doit être un nombre de secondes entre 2 et 3600' })
  @Min(2, { message: 'doit être un nombre de secondes entre 2 et 3600' })
  @Max(3600, { message: 'doit être un nombre de secondes entre 2 et 3600' })
  MAIL_CLAIM_SECONDS = 60;
}

export function parseMailConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(MailEnv, env);
  return {
    transport: e.MAIL_TRANSPORT as 'file' | 'smtp',
    fileDir: e.MAIL_FILE_DIR,
    from: e.MAIL_FROM,
    smtpUrl: e.SMTP_URL,
    smtpPoolSize: e.SMTP_POOL_SIZE,
    claimSeconds: e.MAIL_CLAIM_SECONDS,
  };
}

export const mailConfig = registerAs('mail', () => parseMailConfig(process.env));
export type MailConfig = ConfigType<typeof mailConfig>;
