import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Candidature } from '../entities/candidature.entity';
import { Principal } from '../../common/auth/roles';
import { Clock, parisDate } from '../../common/clock/clock';
import { CourrierCandidature } from '../courrier-candidature.service';
import { typeTraitement } from '../../mail/templates/avis.templates';
import { TypeTraitement } from '../../offre/entities/formation.entity';
import { AvisService } from '../avis/avis.service';
import { AccesCandidatures, CandidatureAvecCompte } from '../acces-candidatures';
import { exigerEtat } from '../etat-candidature';
import { TypeTraitementResultatDto } from './type-traitement.dto';

/**
 * The type de traitement of candidatures (reference §2.3), set and validated by gestionnaires, scolarité and admin,
 * 1 to 200 at once. Setting it is refused when a selected candidature already has a validated avis. Validating AD
 * gives the favourable decision (AvisService.favorableDirect: published, hence mailed, never before the publication
 * date); validating AC or AT mails TYPE_TRAIT_AC / TYPE_TRAIT_ATT.
 */
@Injectable()
export class TypeTraitementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly avis: AvisService,
    private readonly courrier: CourrierCandidature,
  ) {}

  async changer(principal: Principal, ids: number[], type: TypeTraitement): Promise<TypeTraitementResultatDto> {
    await this.dataSource.transaction(async (em) => {
      const candidatures = await AccesCandidatures.agir(em, principal, ids, 'gestion');
      await exigerEtat(em, 'changerTypeTraitement', candidatures, parisDate(this.clock.now()));
      // Accès contrôlé needs no validation: it is validated, and mailed, at once.
      const valide = type === TypeTraitement.AC;
      for (const c of candidatures) {
        await em.getRepository(Candidature).update({ id: c.id }, { typeTraitement: type, typeTraitementValide: valide, version: c.version + 1 });
        if (valide) await this.mail(em, c, TypeTraitement.AC);
      }
    });
    return { modifiees: ids.length };
  }

  async valider(principal: Principal, ids: number[]): Promise<TypeTraitementResultatDto> {
    await this.dataSource.transaction(async (em) => {
      const candidatures = await AccesCandidatures.agir(em, principal, ids, 'gestion');
      await exigerEtat(em, 'validerTypeTraitement', candidatures, parisDate(this.clock.now()));
      await em.getRepository(Candidature).update({ id: In(ids) }, { typeTraitementValide: true });
      for (const c of candidatures) {
        if (c.typeTraitement === TypeTraitement.AD) await this.avis.favorableDirect(em, c, principal.login);
        else await this.mail(em, c, c.typeTraitement);
      }
    });
    return { modifiees: ids.length };
  }

  private mail(em: EntityManager, c: CandidatureAvecCompte, type: TypeTraitement.AC | TypeTraitement.AT): Promise<void> {
    return this.courrier.auCandidat(em, c, type === TypeTraitement.AC ? 'TYPE_TRAIT_AC' : 'TYPE_TRAIT_ATT', (d) => typeTraitement({ ...d, type }));
  }
}
