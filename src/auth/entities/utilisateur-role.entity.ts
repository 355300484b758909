import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Role } from '../../common/auth/roles';
import { Utilisateur } from './utilisateur.entity';

@Entity('utilisateur_role')
export class UtilisateurRole {
  @PrimaryColumn({ type: 'integer' })
  utilisateurId: number;

  @PrimaryColumn({ type: 'simple-enum', enum: Role })
  role: Role;

  @ManyToOne(() => Utilisateur, (u) => u.roles, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'utilisateur_id', foreignKeyConstraintName: 'utilisateur_role_utilisateur_fk' })
  utilisateur?: Utilisateur;
}
