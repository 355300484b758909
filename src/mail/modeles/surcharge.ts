import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RenderedMail } from '../templates/mail-template';
import { CATALOGUE } from './catalogue';
import { ModeleMail } from './entities/modele-mail.entity';
import { rendreModele } from './moteur';

const logger = new Logger('ModelesMail');

/**
 * The mail as the template saved in the database writes it, when staff changed its code's text in its language; as
 * rendered (the shipped text) otherwise. Read in the caller's transaction, without a cache, so the next mail written
 * on any instance uses the latest text. A saved text was checked when saved; should it still fail to render, the
 * shipped text is sent rather than the caller's change refused.
 */
export async function appliquerModeleEnregistre(em: EntityManager, mail: RenderedMail): Promise<RenderedMail> {
  const origine = mail.origine;
  if (!origine || !CATALOGUE.has(origine.code)) return mail;
  const enregistre = await em.getRepository(ModeleMail).findOne({ where: { code: origine.code, langue: origine.langue }, select: { sujet: true, corps: true } });
  if (!enregistre) return mail;
  try {
    return { ...rendreModele({ sujet: enregistre.sujet, corps: enregistre.corps }, origine.variables, origine.langue), origine };
  } catch (error) {
    logger.error(`Modèle ${origine.code} (${origine.langue}) enregistré illisible, texte livré utilisé : ${error instanceof Error ? error.message : String(error)}`);
    return mail;
  }
}
