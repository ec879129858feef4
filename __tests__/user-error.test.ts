import { SettingsError } from '../src/config';
import { ProblemsFound, UserError } from '../src/user-error';

describe('one error model for what a user can fix', () => {
  it('keeps a UserError to one line, whatever text it is given', () => {
    const error = new UserError('AccessDenied: User: arn:aws:iam::1:user/x\n  is not authorized');
    expect(error.message).toBe('AccessDenied: User: arn:aws:iam::1:user/x is not authorized');
    expect(error.lines).toEqual([error.message]);
  });

  it('prints several problems one line each, and names the first in its message', () => {
    const error = new ProblemsFound(['first problem', 'second\nproblem']);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('first problem (and 1 more)');
    expect(error.lines).toEqual(['first problem', 'second problem']);
  });

  it('makes a settings error a UserError whose lines name the file and key path', () => {
    const error = new SettingsError('config/x.yaml', [
      { path: 'roles[0].name', message: 'must not be empty' },
      { path: '', message: 'cannot read the settings file: no such file' },
    ]);
    expect(error).toBeInstanceOf(UserError);
    expect(error.lines).toEqual([
      'config/x.yaml: roles[0].name: must not be empty',
      'config/x.yaml: cannot read the settings file: no such file',
    ]);
  });
});
