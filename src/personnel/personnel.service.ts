import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { assertAcceptablePassword } from '../auth/password-policy';
import { hashPassword } from '../auth/secrets';
import { Session } from '../auth/entities/session.entity';
import { UtilisateurPerimetre } from '../auth/entities/utilisateur-perimetre.entity';
import { UtilisateurRole } from '../auth/entities/utilisateur-role.entity';
import { Utilisateur, rechercheUtilisateur } from '../auth/entities/utilisateur.entity';
import { Principal, Role, TypePerimetre } from '../common/auth/roles';
import { Clock } from '../common/clock/clock';
import { BusinessRule, Conflict, FieldError, Forbidden, NotFound, PreconditionFailed, ValidationFailed } from '../common/errors/domain-errors';
import { assertVersion } from '../common/concurrency/versioned';
import { Page, toPage } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { cleIdentifiant } from '../common/text/cle-identifiant';
import { isUniqueViolation } from '../database/unique-violation';
import { Commission } from '../offre/entities/commission.entity';
import { CentreCandidature } from '../offre/entities/centre-candidature.entity';
import { CreateUtilisateurInput, HabilitationDto, UpdateUtilisateurInput, UtilisateurDto, UtilisateurQueryDto } from './dto/utilisateur.dto';
import { JournalHabilitation } from './entities/journal-habilitation.entity';
import { Habilitations, ecarts, erreursHabilitations, refusGestion } from './regles-personnel';

const RELATIONS = { roles: true, perimetres: true } as const;

/** LIKE's own characters, escaped with `!` (the same ESCAPE clause on MariaDB and SQLite). */
const motLike = (mot: string) => `%${mot.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/**
 * Staff accounts and their scopes (admin; scolarité centrale for gestionnaires and commission members): create,
 * change, deactivate, list and search; every grant and revocation written to journal_habilitation in the same
 * transaction. The first administrator comes from `npm run admin:create` (AuthService.createStaff).
 */
@Injectable()
export class PersonnelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(query: UtilisateurQueryDto): Promise<Page<UtilisateurDto>> {
    const limit = query.limit ?? 20;
    const qb = this.dataSource.getRepository(Utilisateur).createQueryBuilder('u').select('u.id', 'id');
    const mots = cleIdentifiant(query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
    mots.forEach((mot, i) => qb.andWhere(`u.recherche LIKE :mot${i} ESCAPE '!'`, { [`mot${i}`]: motLike(mot) }));
    if (query.actif !== undefined) qb.andWhere('u.actif = :actif', { actif: query.actif ? 1 : 0 });
    if (query.role) qb.andWhere('EXISTS (SELECT 1 FROM utilisateur_role r WHERE r.utilisateur_id = u.id AND r.role = :role)', { role: query.role });
    if (query.commission) {
      qb.andWhere("EXISTS (SELECT 1 FROM utilisateur_perimetre pm WHERE pm.utilisateur_id = u.id AND pm.type = 'commission' AND pm.code = :commission)", { commission: query.commission });
    }
    if (query.centre) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("EXISTS (SELECT 1 FROM utilisateur_perimetre pc WHERE pc.utilisateur_id = u.id AND pc.type = 'centre' AND pc.code = :centre)")
            .orWhere(
              `EXISTS (SELECT 1 FROM utilisateur_perimetre pg
                 INNER JOIN commission cm ON cm.code = pg.code INNER JOIN centre_candidature ce ON ce.id = cm.centre_id
                 WHERE pg.utilisateur_id = u.id AND pg.type = 'commission-geree' AND ce.code = :centre)`,
            ),
        ),
        { centre: query.centre },
      );
    }
    const total = await qb.getCount();
    const ids = (await qb.orderBy('u.nom', 'ASC').addOrderBy('u.prenom', 'ASC').addOrderBy('u.id', 'ASC').offset(((query.page ?? 1) - 1) * limit).limit(limit).getRawMany<{ id: number | string }>()).map((r) => Number(r.id));
    const rows = ids.length ? await this.dataSource.getRepository(Utilisateur).find({ where: { id: In(ids) }, relations: RELATIONS }) : [];
    const centres = await this.centresDesCommissions(this.dataSource.manager, rows);
    return toPage(ids.map((id) => utilisateurDto(rows.find((u) => u.id === id) as Utilisateur, centres)), total, query);
  }

  async get(id: number): Promise<UtilisateurDto> {
    const user = await this.trouver(this.dataSource.manager, id);
    return utilisateurDto(user, await this.centresDesCommissions(this.dataSource.manager, [user]));
  }

  async create(auteur: Principal, input: CreateUtilisateurInput): Promise<UtilisateurDto> {
    const voulu = habilitationsDe(input, true);
    const refus = refusGestion(auteur, [], voulu.roles);
    if (refus) throw new Forbidden('GESTION_COMPTE_INTERDITE', refus);
    return this.get(await this.ouvrir(auteur.id, input));
  }

  /**
   * Opens the account with its habilitations, journaled as granted by `auteurId`: the API's caller, already checked,
   * or null for `npm run admin:create` (the first administrator has nobody above them). Answers its id.
   */
  async ouvrir(auteurId: number | null, input: CreateUtilisateurInput): Promise<number> {
    const voulu = habilitationsDe(input, true);
    if (input.password !== undefined) assertAcceptablePassword(input.password);
    const login = cleIdentifiant(input.login);
    const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
    const deja = () => new Conflict('LOGIN_DEJA_UTILISE', `Le login « ${login} » est déjà celui d'un autre compte.`);
    try {
      return await this.dataSource.transaction(async (em) => {
        await this.verifierPerimetres(em, voulu);
        if (await em.getRepository(Utilisateur).existsBy({ login })) throw deja();
        const profil = { login, email: input.email.trim(), nom: input.nom, prenom: input.prenom };
        const inserted = await em.getRepository(Utilisateur).insert({ ...profil, passwordHash, actif: true, recherche: rechercheUtilisateur(profil), createdAt: this.clock.now() });
        const userId = Number(inserted.identifiers[0].id);
        await this.ecrireHabilitations(em, userId, voulu);
        await this.journaliser(em, auteurId, userId, null, voulu);
        return userId;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw deja();
      throw error;
    }
  }

  /**
   * Replaces the account's identity, roles and scopes; `actif: false` deactivates it and deletes its sessions in the
   * same transaction, so its very next request is refused. Nobody deactivates themselves, nor drops their own admin role.
   */
  async update(auteur: Principal, id: number, input: UpdateUtilisateurInput, ifMatch: number | undefined): Promise<UtilisateurDto> {
    const voulu = habilitationsDe(input, input.actif);
    if (input.password !== undefined && input.casUniquement) {
      throw new ValidationFailed([{ field: 'casUniquement', message: 'ne peut valoir true avec un nouveau mot de passe : choisissez l’un ou l’autre' }]);
    }
    if (input.password !== undefined) assertAcceptablePassword(input.password);
    if (id === auteur.id && auteur.kind === 'staff') {
      if (!input.actif) throw new BusinessRule('DESACTIVATION_DE_SOI', 'Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.');
      if (auteur.roles.includes(Role.ADMIN) && !voulu.roles.includes(Role.ADMIN)) {
        throw new BusinessRule('ROLE_ADMIN_DE_SOI', 'Vous ne pouvez pas retirer votre propre rôle admin : demandez-le à un autre administrateur.');
      }
    }
    const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
    await this.dataSource.transaction(async (em) => {
      const user = await this.trouver(em, id);
      const refus = refusGestion(auteur, (user.roles ?? []).map((r) => r.role), voulu.roles);
      if (refus) throw new Forbidden('GESTION_COMPTE_INTERDITE', refus);
      assertVersion(user.version, ifMatch);
      await this.verifierPerimetres(em, voulu);
      const avant = habilitationsActuelles(user, await this.centresDesCommissions(em, [user]));
      const profil = { login: user.login, email: input.email.trim(), nom: input.nom, prenom: input.prenom };
      // The version in the WHERE: of two changes based on the same reading, the second finds nothing and is told so.
      const done = await em.getRepository(Utilisateur).update(
        { id, version: user.version },
        {
          version: () => 'version + 1',
          email: profil.email,
          nom: profil.nom,
          prenom: profil.prenom,
          actif: input.actif,
          recherche: rechercheUtilisateur(profil),
          ...(passwordHash !== undefined ? { passwordHash } : input.casUniquement ? { passwordHash: null } : {}),
        },
      );
      if (!done.affected) throw new PreconditionFailed();
      await em.getRepository(UtilisateurRole).delete({ utilisateurId: id });
      await em.getRepository(UtilisateurPerimetre).delete({ utilisateurId: id });
      await this.ecrireHabilitations(em, id, voulu);
      // Deactivated, or its password changed by someone else: whoever holds a session of it is logged out now.
      if (!input.actif || passwordHash !== undefined) await em.getRepository(Session).delete({ utilisateurId: id });
      await this.journaliser(em, auteur.id, id, avant, voulu);
    });
    return this.get(id);
  }

  /** The grants and revocations of an account, the latest first. */
  async habilitations(id: number, query: PageQueryDto): Promise<Page<HabilitationDto>> {
    await this.trouver(this.dataSource.manager, id);
    const limit = query.limit ?? 20;
    const [rows, total] = await this.dataSource.getRepository(JournalHabilitation).findAndCount({
      where: { utilisateurId: id },
      relations: { auteur: true },
      order: { id: 'DESC' },
      skip: ((query.page ?? 1) - 1) * limit,
      take: limit,
    });
    return toPage(
      rows.map((r) => ({
        id: r.id,
        date: r.date.toISOString(),
        operation: r.operation,
        nature: r.nature,
        code: r.code,
        auteur: r.auteur ? { id: r.auteur.id, login: r.auteur.login } : null,
      })),
      total,
      query,
    );
  }

  private async trouver(em: EntityManager, id: number): Promise<Utilisateur> {
    const user = await em.getRepository(Utilisateur).findOne({ where: { id }, relations: RELATIONS });
    if (!user) throw new NotFound('UTILISATEUR_INTROUVABLE', `Le compte ${id} n'existe pas.`);
    return user;
  }

  /** Every centre and commission named exists, and each commission chosen for a gestionnaire belongs to its centre. */
  private async verifierPerimetres(em: EntityManager, h: Habilitations): Promise<void> {
    const errors: FieldError[] = erreursHabilitations(h);
    if (errors.length === 0) {
      const codesCentres = h.centres.map((c) => c.code);
      const codesCommissions = [...new Set([...h.centres.flatMap((c) => c.commissions ?? []), ...h.commissions.map((c) => c.code)])];
      const centres = codesCentres.length ? await em.getRepository(CentreCandidature).find({ where: { code: In(codesCentres) }, select: { id: true, code: true } }) : [];
      const commissions = codesCommissions.length ? await em.getRepository(Commission).find({ where: { code: In(codesCommissions) }, select: { id: true, code: true, centreId: true } }) : [];
      h.centres.forEach((c, i) => {
        const centre = centres.find((x) => x.code === c.code);
        if (!centre) return errors.push({ field: `centres.${i}.code`, message: `ne désigne aucun centre de candidature (${c.code})` });
        const horsCentre = (c.commissions ?? []).filter((code) => commissions.find((x) => x.code === code)?.centreId !== centre.id);
        if (horsCentre.length) errors.push({ field: `centres.${i}.commissions`, message: `ne désigne pas des commissions du centre ${c.code} : ${horsCentre.join(', ')}` });
      });
      h.commissions.forEach((c, i) => {
        if (!commissions.some((x) => x.code === c.code)) errors.push({ field: `commissions.${i}.code`, message: `ne désigne aucune commission (${c.code})` });
      });
    }
    if (errors.length) throw new ValidationFailed(errors);
  }

  private async ecrireHabilitations(em: EntityManager, utilisateurId: number, h: Habilitations): Promise<void> {
    if (h.roles.length) await em.getRepository(UtilisateurRole).insert(h.roles.map((role) => ({ utilisateurId, role })));
    const perimetres = [
      ...h.centres.flatMap((c) =>
        c.commissions === null ? [{ type: TypePerimetre.CENTRE, code: c.code }] : c.commissions.map((code) => ({ type: TypePerimetre.COMMISSION_GEREE, code })),
      ).map((p) => ({ ...p, president: false })),
      ...h.commissions.map((c) => ({ type: TypePerimetre.COMMISSION, code: c.code, president: c.president })),
    ];
    if (perimetres.length) await em.getRepository(UtilisateurPerimetre).insert(perimetres.map((p) => ({ utilisateurId, ...p })));
  }

  private async journaliser(em: EntityManager, auteurId: number | null, utilisateurId: number, avant: Habilitations | null, apres: Habilitations): Promise<void> {
    const date = this.clock.now();
    const lignes = ecarts(avant, apres).map((e) => ({ utilisateurId, auteurId, date, ...e }));
    if (lignes.length) await em.getRepository(JournalHabilitation).insert(lignes);
  }

  /** The centre code of each commission a gestionnaire of these accounts manages on its own (to show them by centre). */
  private async centresDesCommissions(em: EntityManager, users: Utilisateur[]): Promise<Map<string, string>> {
    const codes = [...new Set(users.flatMap((u) => (u.perimetres ?? []).filter((p) => p.type === TypePerimetre.COMMISSION_GEREE).map((p) => p.code)))];
    if (codes.length === 0) return new Map();
    const rows = await em.getRepository(Commission).find({ where: { code: In(codes) }, relations: { centre: true }, select: { id: true, code: true, centre: { id: true, code: true } } });
    return new Map(rows.map((c) => [c.code, c.centre?.code ?? '']));
  }
}

/** The scopes asked for, the roles deduplicated. */
function habilitationsDe(input: CreateUtilisateurInput | UpdateUtilisateurInput, actif: boolean): Habilitations {
  return {
    actif,
    roles: [...new Set(input.roles)],
    centres: (input.centres ?? []).map((c) => ({ code: c.code, commissions: c.commissions ?? null })),
    commissions: (input.commissions ?? []).map((c) => ({ code: c.code, president: c.president ?? false })),
  };
}

function habilitationsActuelles(user: Utilisateur, centres: Map<string, string>): Habilitations {
  const dto = utilisateurDto(user, centres);
  return { actif: user.actif, roles: dto.roles, centres: dto.centres, commissions: dto.commissions };
}

function utilisateurDto(user: Utilisateur, centresDesCommissions: Map<string, string>): UtilisateurDto {
  const perimetres = [...(user.perimetres ?? [])].sort((a, b) => a.code.localeCompare(b.code));
  const centres = perimetres.filter((p) => p.type === TypePerimetre.CENTRE).map((p) => ({ code: p.code, commissions: null as string[] | null }));
  for (const p of perimetres.filter((x) => x.type === TypePerimetre.COMMISSION_GEREE)) {
    const code = centresDesCommissions.get(p.code) ?? '';
    const centre = centres.find((c) => c.code === code && c.commissions !== null);
    if (centre) centre.commissions?.push(p.code);
    else centres.push({ code, commissions: [p.code] });
  }
  const ordre = Object.values(Role);
  return {
    id: user.id,
    login: user.login,
    email: user.email,
    nom: user.nom,
    prenom: user.prenom,
    actif: user.actif,
    casUniquement: user.passwordHash === null,
    roles: (user.roles ?? []).map((r) => r.role).sort((a, b) => ordre.indexOf(a) - ordre.indexOf(b)),
    centres: centres.sort((a, b) => a.code.localeCompare(b.code)),
    commissions: perimetres.filter((p) => p.type === TypePerimetre.COMMISSION).map((p) => ({ code: p.code, president: p.president })),
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}
