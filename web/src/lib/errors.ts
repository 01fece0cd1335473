// Result-union members and request failures, in words for people.
import { RequestError, UploadCancelled } from '../api/client';

interface ErrorMember {
  __typename?: string;
  message?: string;
  retryAfterSeconds?: number;
}

const FALLBACK: Record<string, string> = {
  NameTakenError: 'An item with this name is already here.',
  InvalidNameError: 'That name is not allowed.',
  InvalidMoveError: 'A folder cannot go into itself.',
  QuotaExceededError: 'There is not enough space left in your storage.',
  FileTooLargeError: 'The file is larger than this server accepts.',
  UsernameTakenError: 'That username is taken.',
  InvalidCredentialsError: 'Wrong username or password.',
  WrongPasswordError: 'Wrong password.',
  PasswordRequiredError: 'This link needs a password.',
  NotFoundError: 'This link does not exist, has expired or was taken back.',
  ConflictError: 'The file changed meanwhile.',
  PermissionDeniedError: 'You may not change this: the folder is shared with you as a Viewer.',
};

/** The sentence to show for a union member that is not the success type. */
export function describeError(member: ErrorMember): string {
  if (member.__typename === 'RateLimitedError' && member.retryAfterSeconds != null) {
    const wait = member.retryAfterSeconds;
    return `Too many attempts. Try again in ${wait} second${wait === 1 ? '' : 's'}.`;
  }
  if (member.message) return member.message;
  return FALLBACK[member.__typename ?? ''] ?? 'That did not work.';
}

export function describeFailure(error: unknown): string {
  if (error instanceof UploadCancelled) return 'Cancelled.';
  if (error instanceof RequestError) return error.message;
  return 'Something went wrong. Try again.';
}
