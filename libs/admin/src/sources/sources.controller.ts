import {
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../admin-key.guard';
import { hashApiKey, newApiKey } from '../api-key';
import { parseBody } from '../parse-body';
import { DuplicateSourceError, SourceRepository } from './source.repository';
import { registerSourceSchema, type SourceView } from './source.types';

@ApiTags('sources (admin)')
@ApiBearerAuth()
@UseGuards(AdminKeyGuard)
@Controller('v1/sources')
export class SourcesController {
  constructor(private readonly sources: SourceRepository) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Register a push, feed or folder source; a push source gets its API key once, in this answer',
  })
  async register(@Body() body: unknown): Promise<SourceView & { apiKey?: string }> {
    const source = parseBody(registerSourceSchema, body);
    const apiKey = source.kind === 'push' ? newApiKey() : undefined;
    try {
      const view = await this.sources.register(source, apiKey ? hashApiKey(apiKey) : null);
      return apiKey ? { ...view, apiKey } : view;
    } catch (error) {
      if (error instanceof DuplicateSourceError)
        throw new ConflictException({ error: 'SOURCE.DUPLICATE', message: error.message });
      throw error;
    }
  }

  @Get()
  @ApiOperation({ summary: 'List sources with their polling state' })
  list(): Promise<SourceView[]> {
    return this.sources.list();
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a source: its key stops working and it is no longer polled' })
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    if (!(await this.sources.revoke(id)))
      throw new NotFoundException({ error: 'SOURCE.NOT_FOUND', message: `no active source ${id}` });
  }
}
