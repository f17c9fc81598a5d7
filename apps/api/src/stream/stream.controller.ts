import { Controller, Headers, Query, Sse, type MessageEvent } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { badParameter, parseQuery } from '../http/parse-query';
import { SINCE_EXPECTED, streamParamsSchema, streamPosition } from './stream.params';
import { StreamService } from './stream.service';

@ApiTags('stream')
@Controller('v1/stream')
export class StreamController {
  constructor(private readonly stream: StreamService) {}

  @Sse()
  @ApiOperation({
    summary: 'Server-sent events of stories indexed, updated and killed',
    description:
      'Event types: indexed, updated, killed (data: { type, at, uri, version, pubstatus, headline, source, provider, versioncreated }), ' +
      'plus ready and heartbeat. Every story event has an id; reconnecting with Last-Event-ID (EventSource does this) or since=<id> resumes right after it.',
  })
  @ApiProduces('text/event-stream')
  @ApiQuery({
    name: 'since',
    required: false,
    description: `Resume after this point: ${SINCE_EXPECTED}. Default: from now.`,
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Sent by EventSource on reconnect; used when since is absent',
  })
  @ApiOkResponse({ description: 'text/event-stream' })
  @ApiBadRequestResponse({ description: '{ error, parameter, message }' })
  events(
    @Query() raw: Record<string, unknown>,
    @Headers('last-event-id') lastEventId?: string,
  ): Observable<MessageEvent> {
    const { since } = parseQuery(streamParamsSchema, raw);
    if (since || !lastEventId) return this.stream.events(since ?? null);
    const resumed = streamPosition.safeParse(lastEventId);
    if (!resumed.success) throw badParameter('Last-Event-ID', SINCE_EXPECTED);
    return this.stream.events(resumed.data);
  }
}
