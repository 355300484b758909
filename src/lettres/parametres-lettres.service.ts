import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { Principal } from '../common/auth/roles';
import { Clock } from '../common/clock/clock';
import { NotFound } from '../common/errors/domain-errors';
import { Langue } from '../common/i18n/langue';
import { Commission } from '../offre/entities/commission.entity';
import { GestionOffreService } from '../offre/gestion-offre.service';
import { MentionsLettre } from '../pdf/lettre-pdf';
import { ETABLISSEMENT } from '../pdf/pdf-commun';
import { PdfRenderer } from '../pdf/pdf-renderer';
import { FileStorage } from '../pieces/storage/file-storage';
import { FichierRefuse } from '../pieces/storage/file-errors';
import { ReceivedUpload } from '../pieces/upload/receive-upload';
import { TypeDiplome } from '../referentiel/entities';
import { CommissionLettreDto, CommissionLettreInput, EtablissementLettreDto, EtablissementLettreInput, ImageLettreDto, TypeDiplomeLettreDto, TypeDiplomeLettreInput } from './dto/parametres-lettres.dto';
import { LettreCommission } from './entities/lettre-commission.entity';
import { LettreEtablissement } from './entities/lettre-etablissement.entity';
import { LettreTypeDiplome } from './entities/lettre-type-diplome.entity';

/** The one row of the institution block. */
const ID_ETABLISSEMENT = 1;
/** A logo or a signature is a small image: 1 Mo at most (a letter embeds it in every copy). */
export const IMAGE_LETTRE_MAX_OCTETS = 1024 * 1024;
/** Decoded images kept in memory by storage key: a key never changes content (a new upload is a new key). */
const IMAGES_EN_CACHE = 16;

export type ImageEtablissement = 'logo' | 'signature';

/** What a letter takes from the settings: the institution's name, the sender's address when a commission replaced it, the rest. */
export interface ReglagesLettre {
  etablissement: string;
  /** The commission's own address lines (its override); null: its postal address */
  adresseCommission: string[] | null;
  mentions: MentionsLettre;
}

/**
 * The letters' settings (issue 17, part 4): the institution block (admin, scolarité centrale), each commission's
 * overrides (whoever may change the commission's parameters: GestionOffreService.commissionModifiable) and a text per
 * type de diplôme. Images go to the FileStorage like every file, checked as PNG or JPEG that the PDF engine can
 * draw; nothing of them lives in the letter code. With nothing set, `reglages` gives what the shipped letter prints.
 */
@Injectable()
export class ParametresLettresService {
  private readonly logger = new Logger(ParametresLettresService.name);
  private readonly images = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly renderer: PdfRenderer,
    private readonly offre: GestionOffreService,
    private readonly clock: Clock,
  ) {}

  async etablissement(): Promise<EtablissementLettreDto> {
    return etablissementDto(await this.rowEtablissement());
  }

  /** Replaces the institution's texts (its images stay); a blank field is unset. Two saves at once leave the later one. */
  async enregistrerEtablissement(input: EtablissementLettreInput, principal: Principal): Promise<EtablissementLettreDto> {
    await this.dataSource.getRepository(LettreEtablissement).upsert(
      {
        id: ID_ETABLISSEMENT,
        nom: vide(input.nom),
        nomEn: vide(input.nomEn),
        adresse: input.adresse?.length ? input.adresse.join('\n') : null,
        signataireNom: vide(input.signataireNom),
        signataireTitre: vide(input.signataireTitre),
        signataireTitreEn: vide(input.signataireTitreEn),
        ...this.auteur(principal),
      },
      ['id'],
    );
    return this.etablissement();
  }

  /** Replaces the logo or the signature image; the old file is deleted once the row names the new one. */
  async imageEtablissement(quoi: ImageEtablissement, receive: () => Promise<ReceivedUpload>, principal: Principal): Promise<EtablissementLettreDto> {
    const avant = await this.rowEtablissement();
    const { cle, type } = await this.recevoirImage(receive);
    const colonnes = quoi === 'logo' ? { logoCle: cle, logoType: type } : { signatureCle: cle, signatureType: type };
    await this.ecrireOuOublier(cle, () => this.dataSource.getRepository(LettreEtablissement).upsert({ id: ID_ETABLISSEMENT, ...colonnes, ...this.auteur(principal) }, ['id']));
    await this.oublier(quoi === 'logo' ? avant?.logoCle : avant?.signatureCle);
    return this.etablissement();
  }

  async supprimerImageEtablissement(quoi: ImageEtablissement, principal: Principal): Promise<EtablissementLettreDto> {
    const avant = await this.rowEtablissement();
    const cle = quoi === 'logo' ? avant?.logoCle : avant?.signatureCle;
    if (!avant || !cle) return etablissementDto(avant);
    const colonnes = quoi === 'logo' ? { logoCle: null, logoType: null } : { signatureCle: null, signatureType: null };
    await this.dataSource.getRepository(LettreEtablissement).update({ id: ID_ETABLISSEMENT }, { ...colonnes, ...this.auteur(principal) });
    await this.oublier(cle);
    return this.etablissement();
  }

  async commission(principal: Principal, commissionId: number): Promise<CommissionLettreDto> {
    await this.offre.commissionModifiable(principal, commissionId);
    return commissionDto(commissionId, await this.rowCommission(commissionId));
  }

  /** Replaces the commission's letter texts (its signature image stays); all blank: its letters are the institution's. */
  async enregistrerCommission(principal: Principal, commissionId: number, input: CommissionLettreInput): Promise<CommissionLettreDto> {
    await this.offre.commissionModifiable(principal, commissionId);
    await this.dataSource.getRepository(LettreCommission).upsert(
      {
        commissionId,
        signataireNom: vide(input.signataireNom),
        signataireTitre: vide(input.signataireTitre),
        signataireTitreEn: vide(input.signataireTitreEn),
        adresse: input.adresse?.length ? input.adresse.join('\n') : null,
        texte: vide(input.texte),
        texteEn: vide(input.texteEn),
        ...this.auteur(principal),
      },
      ['commissionId'],
    );
    return commissionDto(commissionId, await this.rowCommission(commissionId));
  }

  async signatureCommission(principal: Principal, commissionId: number, receive: () => Promise<ReceivedUpload>): Promise<CommissionLettreDto> {
    await this.offre.commissionModifiable(principal, commissionId);
    const avant = await this.rowCommission(commissionId);
    const { cle, type } = await this.recevoirImage(receive);
    await this.ecrireOuOublier(cle, () =>
      this.dataSource.getRepository(LettreCommission).upsert({ commissionId, signatureCle: cle, signatureType: type, ...this.auteur(principal) }, ['commissionId']),
    );
    await this.oublier(avant?.signatureCle);
    return commissionDto(commissionId, await this.rowCommission(commissionId));
  }

  async supprimerSignatureCommission(principal: Principal, commissionId: number): Promise<CommissionLettreDto> {
    await this.offre.commissionModifiable(principal, commissionId);
    const avant = await this.rowCommission(commissionId);
    if (avant?.signatureCle) {
      await this.dataSource.getRepository(LettreCommission).update({ commissionId }, { signatureCle: null, signatureType: null, ...this.auteur(principal) });
      await this.oublier(avant.signatureCle);
    }
    return commissionDto(commissionId, await this.rowCommission(commissionId));
  }

  /** Every type de diplôme that has a text, in the reference data's order. */
  async typesDiplome(): Promise<TypeDiplomeLettreDto[]> {
    const rows = await this.dataSource.getRepository(LettreTypeDiplome).find();
    const types = await this.dataSource.getRepository(TypeDiplome).find({ where: { code: In(rows.map((r) => r.typeDiplome)) }, order: { ordre: 'ASC' } });
    const parCode = new Map(rows.map((r) => [r.typeDiplome, r]));
    return types.flatMap((t) => {
      const row = parCode.get(t.code);
      return row ? [typeDiplomeDto(row, t.libelle)] : [];
    });
  }

  async enregistrerTypeDiplome(code: string, input: TypeDiplomeLettreInput, principal: Principal): Promise<TypeDiplomeLettreDto> {
    const type = await this.typeDiplome(code);
    await this.dataSource.getRepository(LettreTypeDiplome).upsert({ typeDiplome: type.code, texte: input.texte, texteEn: vide(input.texteEn), ...this.auteur(principal) }, ['typeDiplome']);
    return typeDiplomeDto(await this.dataSource.getRepository(LettreTypeDiplome).findOneByOrFail({ typeDiplome: type.code }), type.libelle);
  }

  async supprimerTypeDiplome(code: string): Promise<void> {
    const type = await this.typeDiplome(code);
    await this.dataSource.getRepository(LettreTypeDiplome).delete({ typeDiplome: type.code });
  }

  /**
   * What a letter of this commission and type de diplôme prints, in `langue` (English texts fall back to French).
   * The signatory is the commission's when it names one (its override, else its `signataire`), else the
   * institution's, else the shipped « Le président du jury »; a signature image only ever goes with its signatory.
   */
  async reglages(commission: Pick<Commission, 'id' | 'signataire'>, typeDiplome: string | null, langue: Langue): Promise<ReglagesLettre> {
    const [etab, com, diplome] = await Promise.all([
      this.rowEtablissement(),
      this.rowCommission(commission.id),
      typeDiplome ? this.dataSource.getRepository(LettreTypeDiplome).findOneBy({ typeDiplome }) : null,
    ]);
    const en = langue === Langue.EN;
    const nomCommission = com?.signataireNom ?? commission.signataire;
    const signataire =
      nomCommission || com?.signatureCle
        ? { nom: nomCommission, titre: (en && com?.signataireTitreEn) || (com?.signataireTitre ?? null), signature: await this.image(com?.signatureCle, com?.signatureType) }
        : { nom: etab?.signataireNom ?? null, titre: (en && etab?.signataireTitreEn) || (etab?.signataireTitre ?? null), signature: await this.image(etab?.signatureCle, etab?.signatureType) };
    return {
      etablissement: (en && etab?.nomEn) || etab?.nom || ETABLISSEMENT,
      adresseCommission: com?.adresse ? lignes(com.adresse) : null,
      mentions: {
        logo: await this.image(etab?.logoCle, etab?.logoType),
        adresseEtablissement: lignes(etab?.adresse),
        signataire,
        textes: [diplome ? (en && diplome.texteEn) || diplome.texte : null, com ? (en && com.texteEn) || com.texte : null].filter((t): t is string => Boolean(t)),
      },
    };
  }

  /** The stored files the settings name (all, or only `key` when given): for the sweep of unreferenced files. */
  async cles(key?: string): Promise<string[]> {
    const cle = key ?? Not(IsNull());
    const [logos, signatures, commissions] = await Promise.all([
      this.dataSource.getRepository(LettreEtablissement).find({ select: { logoCle: true }, where: { logoCle: cle } }),
      this.dataSource.getRepository(LettreEtablissement).find({ select: { signatureCle: true }, where: { signatureCle: cle } }),
      this.dataSource.getRepository(LettreCommission).find({ select: { signatureCle: true }, where: { signatureCle: cle } }),
    ]);
    return [...logos.map((r) => r.logoCle), ...signatures.map((r) => r.signatureCle), ...commissions.map((r) => r.signatureCle)].filter((k): k is string => k !== null);
  }

  /**
   * Receives a PNG or JPEG of at most 1 Mo and checks the PDF engine can draw it, so that a broken image is refused
   * here rather than failing every letter; nothing is kept when refused.
   */
  private async recevoirImage(receive: () => Promise<ReceivedUpload>): Promise<{ cle: string; type: string }> {
    const { stored } = await receive();
    try {
      const url = enDataUrl(await lire(await this.storage.read(stored.key)), stored.type);
      await this.renderer.render({ content: [{ image: url, fit: [10, 10] }] });
      this.garder(stored.key, url);
      return { cle: stored.key, type: stored.type };
    } catch (error) {
      await this.oublier(stored.key);
      this.logger.warn({ err: error }, 'Image de lettre refusée : illisible');
      throw new FichierRefuse('IMAGE_ILLISIBLE', "Cette image n'a pas pu être lue : enregistrez-la de nouveau en PNG ou JPEG, puis envoyez-la.", "n'est pas une image PNG ou JPEG lisible");
    }
  }

  /** A stored image as a `data:` URL for pdfmake; a file gone or unreadable leaves the letter without it. */
  private async image(cle: string | null | undefined, type: string | null | undefined): Promise<string | null> {
    if (!cle || !type) return null;
    const connue = this.images.get(cle);
    if (connue) return connue;
    try {
      const url = enDataUrl(await lire(await this.storage.read(cle)), type);
      this.garder(cle, url);
      return url;
    } catch (error) {
      this.logger.error({ err: error, key: cle }, 'Image des lettres illisible : lettre imprimée sans elle');
      return null;
    }
  }

  private garder(cle: string, url: string): void {
    if (this.images.size >= IMAGES_EN_CACHE) this.images.delete(this.images.keys().next().value as string);
    this.images.set(cle, url);
  }

  private async ecrireOuOublier(cle: string, ecrire: () => Promise<unknown>): Promise<void> {
    try {
      await ecrire();
    } catch (error) {
      await this.oublier(cle);
      throw error;
    }
  }

  /** A file no row names any more: its deletion failing leaves an orphan for the nightly sweep, never a broken row. */
  private async oublier(cle: string | null | undefined): Promise<void> {
    if (!cle) return;
    this.images.delete(cle);
    await this.storage.delete(cle).catch((error: unknown) => this.logger.warn({ err: error, key: cle }, 'Ancienne image de lettre non supprimée'));
  }

  private auteur(principal: Principal): { updatedBy: string; updatedAt: Date } {
    return { updatedBy: principal.login, updatedAt: this.clock.now() };
  }

  private rowEtablissement(): Promise<LettreEtablissement | null> {
    return this.dataSource.getRepository(LettreEtablissement).findOneBy({ id: ID_ETABLISSEMENT });
  }

  private rowCommission(commissionId: number): Promise<LettreCommission | null> {
    return this.dataSource.getRepository(LettreCommission).findOneBy({ commissionId });
  }

  /** A type de diplôme of the reference data; 404 TYPE_DIPLOME_INTROUVABLE otherwise. */
  async typeDiplome(code: string): Promise<TypeDiplome> {
    const type = await this.dataSource.getRepository(TypeDiplome).findOneBy({ code });
    if (!type) throw new NotFound('TYPE_DIPLOME_INTROUVABLE', `Le type de diplôme « ${code} » n'existe pas : voir /api/referentiels/types-diplome.`);
    return type;
  }
}

async function lire(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  for await (const morceau of source) morceaux.push(morceau);
  return Buffer.concat(morceaux);
}

function enDataUrl(octets: Buffer, type: string): string {
  return `data:${type};base64,${octets.toString('base64')}`;
}

/** A blank text is no text. */
function vide(valeur: string | undefined): string | null {
  return valeur ? valeur : null;
}

function lignes(valeur: string | null | undefined): string[] {
  return (valeur ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function image(cle: string | null | undefined, type: string | null | undefined): ImageLettreDto | null {
  return cle && type ? { type } : null;
}

function etablissementDto(r: LettreEtablissement | null): EtablissementLettreDto {
  return {
    nom: r?.nom ?? null,
    nomEn: r?.nomEn ?? null,
    adresse: lignes(r?.adresse),
    signataireNom: r?.signataireNom ?? null,
    signataireTitre: r?.signataireTitre ?? null,
    signataireTitreEn: r?.signataireTitreEn ?? null,
    logo: image(r?.logoCle, r?.logoType),
    signature: image(r?.signatureCle, r?.signatureType),
    updatedBy: r?.updatedBy ?? null,
    updatedAt: r?.updatedAt.toISOString() ?? null,
  };
}

function commissionDto(commissionId: number, r: LettreCommission | null): CommissionLettreDto {
  return {
    commissionId,
    signataireNom: r?.signataireNom ?? null,
    signataireTitre: r?.signataireTitre ?? null,
    signataireTitreEn: r?.signataireTitreEn ?? null,
    adresse: lignes(r?.adresse),
    texte: r?.texte ?? null,
    texteEn: r?.texteEn ?? null,
    signature: image(r?.signatureCle, r?.signatureType),
    updatedBy: r?.updatedBy ?? null,
    updatedAt: r?.updatedAt.toISOString() ?? null,
  };
}

function typeDiplomeDto(r: LettreTypeDiplome, libelle: string): TypeDiplomeLettreDto {
  return { typeDiplome: r.typeDiplome, libelle, texte: r.texte, texteEn: r.texteEn, updatedBy: r.updatedBy, updatedAt: r.updatedAt.toISOString() };
}
