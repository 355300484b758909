import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TypePerimetre } from '../../common/auth/roles';
import { Utilisateur } from './utilisateur.entity';

/**
 * What a gestionnaire or a commission member works on: a centre de candidature or a commission, by its code. The
 * offer (centres, commissions) comes later; its codes are what these rows name.
 */
@Entity('utilisateur_perimetre')
export class UtilisateurPerimetre {
  @PrimaryColumn({ type: 'integer' })
  utilisateurId: number;

  @PrimaryColumn({ type: 'simple-enum', enum: TypePerimetre })
  type: TypePerimetre;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  code: string;

  @ManyToOne(() => Utilisateur, (u) => u.perimetres, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'utilisateur_id', foreignKeyConstraintName: 'utilisateur_perimetre_utilisateur_fk' })
  utilisateur?: Utilisateur;
}
