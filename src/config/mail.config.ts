import { ConfigType, registerAs } from '@nestjs/config';
import { IsIn, IsOptional, IsString, Matches, MinLength, ValidateIf } from 'class-validator';
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
}

export function parseMailConfig(env: NodeJS.ProcessEnv) {
  const e = validateEnv(MailEnv, env);
  return {
    transport: e.MAIL_TRANSPORT as 'file' | 'smtp',
    fileDir: e.MAIL_FILE_DIR,
    from: e.MAIL_FROM,
    smtpUrl: e.SMTP_URL,
  };
}

export const mailConfig = registerAs('mail', () => parseMailConfig(process.env));
export type MailConfig = ConfigType<typeof mailConfig>;
