import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Utilisateur } from '../../auth/entities/utilisateur.entity';
import { Clock } from '../../common/clock/clock';
import { Principal } from '../../common/auth/roles';
import { NotFound, ValidationFailed } from '../../common/errors/domain-errors';
import { Langue } from '../../common/i18n/langue';
import { OutboxService } from '../outbox.service';
import { CATALOGUE } from './catalogue';
import {
  ApercuModeleMailDto,
  EnvoiTestModeleMailDto,
  ModeleMailDto,
  ModeleMailResumeDto,
  PreviewModeleMailDto,
  TypeVariable,
  UpdateModeleMailDto,
  VariableModeleDto,
} from './dto/modele-mail.dto';
import { ModeleMail } from './entities/modele-mail.entity';
import { DefinitionModele } from './modele-editable';
import { SourceModele, VariableModele, Variables, rendreModele, verifierModele } from './moteur';

/** The outbox code of a test mail (not one of the reference system's codes). */
export const CODE_ENVOI_TEST = 'MODELE_TEST';

/**
 * The mail texts staff change: per mail code and language, a saved text replaces the shipped one until it is reset.
 * A text is checked when saved (it parses, and uses only its code's variables), previewed and sent to oneself with
 * the code's sample values.
 */
@Injectable()
export class ModelesMailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async liste(): Promise<ModeleMailResumeDto[]> {
    const enregistres = await this.dataSource.getRepository(ModeleMail).find({ select: { code: true, langue: true } });
    return [...CATALOGUE.values()].map((d) => ({
      ...resume(d),
      modifie: Object.values(Langue).filter((langue) => enregistres.some((e) => e.code === d.code && e.langue === langue)),
    }));
  }

  async lire(code: string, langue: string): Promise<ModeleMailDto> {
    const { definition, langue: l } = this.trouver(code, langue);
    const enregistre = await this.dataSource.getRepository(ModeleMail).findOneBy({ code, langue: l });
    const defaut = definition.textes[l];
    return {
      ...resume(definition),
      modifie: enregistre ? [l] : [],
      langue: l,
      sujet: enregistre?.sujet ?? defaut.sujet,
      corps: enregistre?.corps ?? defaut.corps,
      enregistre: Boolean(enregistre),
      updatedBy: enregistre?.updatedBy ?? null,
      updatedAt: enregistre?.updatedAt.toISOString() ?? null,
      defaut: { sujet: defaut.sujet, corps: defaut.corps },
    };
  }

  /** Saves a text after checking it; the next mail of this code and language, on any instance, is written with it. */
  async enregistrer(code: string, langue: string, dto: UpdateModeleMailDto, principal: Principal): Promise<ModeleMailDto> {
    const { definition, langue: l } = this.trouver(code, langue);
    this.verifier(definition, dto);
    // One row per code and language (unique index): two saves at once leave the later one.
    await this.dataSource.getRepository(ModeleMail).upsert({ code, langue: l, sujet: dto.sujet, corps: dto.corps, updatedBy: principal.login, updatedAt: this.clock.now() }, ['code', 'langue']);
    return this.lire(code, l);
  }

  /** Back to the shipped text. */
  async reinitialiser(code: string, langue: string): Promise<ModeleMailDto> {
    const { langue: l } = this.trouver(code, langue);
    await this.dataSource.getRepository(ModeleMail).delete({ code, langue: l });
    return this.lire(code, l);
  }

  /** The mail the text given (or the current one) writes with the code's sample values. */
  async apercu(code: string, langue: string, dto: PreviewModeleMailDto): Promise<ApercuModeleMailDto> {
    const source = await this.source(code, langue, dto);
    const { definition, langue: l } = this.trouver(code, langue);
    const rendu = rendreModele(source, exemples(definition.variables), l);
    return { sujet: rendu.subject, texte: rendu.text, html: rendu.html };
  }

  /** Sends the current text with the sample values to the caller's own address, through the outbox like any mail. */
  async envoyerTest(code: string, langue: string, principal: Principal): Promise<EnvoiTestModeleMailDto> {
    const { definition, langue: l } = this.trouver(code, langue);
    const source = await this.source(code, l, {});
    const utilisateur = await this.dataSource.getRepository(Utilisateur).findOneBy({ id: principal.id });
    if (!utilisateur?.email) throw new NotFound('ADRESSE_INTROUVABLE', "Votre compte n'a pas d'adresse e-mail : le mail de test ne peut pas vous être envoyé.");
    const rendu = rendreModele(source, exemples(definition.variables), l);
    await this.dataSource.transaction((em) => this.outbox.enqueue(em, { code: CODE_ENVOI_TEST, to: utilisateur.email, subject: `[Test] ${rendu.subject}`, text: rendu.text, html: rendu.html }));
    return { destinataire: utilisateur.email, sujet: `[Test] ${rendu.subject}` };
  }

  /** The text to render: the one given (checked), else the one saved, else the shipped one. */
  private async source(code: string, langue: string, dto: PreviewModeleMailDto): Promise<SourceModele> {
    const courant = await this.lire(code, langue);
    const source = { sujet: dto.sujet ?? courant.sujet, corps: dto.corps ?? courant.corps };
    if (dto.sujet !== undefined || dto.corps !== undefined) this.verifier(this.trouver(code, langue).definition, source);
    return source;
  }

  private verifier(definition: DefinitionModele, source: SourceModele): void {
    const erreurs = verifierModele(source, definition.variables);
    if (erreurs.length === 0) return;
    throw new ValidationFailed(
      erreurs.map((e) => ({ field: e.champ, message: e.message })),
      `Le modèle est refusé : ${erreurs.map((e) => `le ${e.champ === 'sujet' ? 'sujet' : 'corps'} ${e.message}`).join(' ; ')}.`,
    );
  }

  private trouver(code: string, langue: string): { definition: DefinitionModele; langue: Langue } {
    const definition = CATALOGUE.get(code);
    if (!definition) throw new NotFound('MODELE_MAIL_INTROUVABLE', `Aucun modèle de mail modifiable ne porte le code « ${code} ».`);
    if (!Object.values(Langue).includes(langue as Langue)) throw new NotFound('MODELE_MAIL_INTROUVABLE', `Les mails sont écrits en français (fr) ou en anglais (en), pas en « ${langue} ».`);
    return { definition, langue: langue as Langue };
  }
}

function resume(d: DefinitionModele): Omit<ModeleMailResumeDto, 'modifie'> {
  return { code: d.code, description: d.description, variables: Object.entries(d.variables).map(([nom, v]) => variable(nom, v)) };
}

function variable(nom: string, v: VariableModele): VariableModeleDto {
  const type = v.elements ? TypeVariable.LISTE : typeof v.exemple === 'boolean' ? TypeVariable.CONDITION : TypeVariable.TEXTE;
  return {
    nom,
    description: v.description,
    type,
    exemple: type === TypeVariable.TEXTE ? String(v.exemple) : null,
    elements: v.elements ? Object.entries(v.elements).map(([n, description]) => ({ nom: n, description })) : null,
  };
}

function exemples(variables: Record<string, VariableModele>): Variables {
  return Object.fromEntries(Object.entries(variables).map(([nom, v]) => [nom, v.exemple]));
}
