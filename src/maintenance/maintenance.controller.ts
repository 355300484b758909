import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { CurrentPrincipal, Public, Roles } from '../common/auth/auth.decorators';
import { Principal, Role } from '../common/auth/roles';
import { MaintenanceDto, MaintenancePubliqueDto, ModifierMaintenanceDto } from './dto/maintenance.dto';
import { MaintenanceService } from './maintenance.service';

@ApiTags('Administration')
@Controller()
export class MaintenanceController {
  constructor(private readonly maintenance: MaintenanceService) {}

  /** The maintenance mode as set, and whether candidates are turned away right now */
  @Get('admin/maintenance')
  @Roles(Role.ADMIN)
  getMaintenance(): Promise<MaintenanceDto> {
    return this.maintenance.etat();
  }

  /**
   * Switches the maintenance mode on (with the message candidates read and, optionally, its end) or off; every
   * instance applies it within two seconds. Candidate routes, candidate login and account creation answer 503 with the
   * message and Retry-After; staff routes, the public offer and /health keep working
   */
  @Put('admin/maintenance')
  @Roles(Role.ADMIN)
  @ApiProblemResponses(400, { 422: 'FIN_MAINTENANCE_PASSEE' })
  @ApiRequestExample({ active: true, message: 'Mise à jour de la plateforme : retour prévu à 14 h.', fin: '2030-12-06T13:00:00.000Z' })
  updateMaintenance(@CurrentPrincipal() principal: Principal, @Body() body: ModifierMaintenanceDto): Promise<MaintenanceDto> {
    return this.maintenance.modifier(principal, body);
  }

  /** Whether the platform is in maintenance for candidates, with the message to show (for the front-end, before login) */
  @Get('maintenance')
  @Public()
  getMaintenancePublique(): Promise<MaintenancePubliqueDto> {
    return this.maintenance.etatPublic();
  }
}
