import { ApiError } from '../http/api-error';

export class StoryNotFoundError extends ApiError {
  readonly code = 'STORY.NOT_FOUND';
  readonly status = 404;

  constructor(uri: string) {
    super(`no story with uri "${uri}"`);
  }
}
