/**
 * Messages that say what happened: a reset refused while another execution holds the
 * document lock says it was not reset (and why), and deletes nothing.
 */
import type { MappingState } from '../../src/server/types';
import { errorOf, execution, mappingProperties, sampleEmulator } from './harness';

describe('resetMapping while another execution holds the document lock', () => {
  it('says the mapping was not reset, why, and keeps it', () => {
    const emulator = sampleEmulator('en');
    const run = execution(emulator);
    run.call('saveMapping', run.call<MappingState>('getMappingState').draft);
    const saved = mappingProperties(emulator);
    expect(saved.size).toBeGreaterThan(0);
    emulator.locks.holdByOther('document');
    const message = errorOf(() => run.call('resetMapping'));
    expect(message).toBe(
      'The mapping was not reset: another execution holds the document (a save, a reset or a summary being generated); try again in a moment.',
    );
    expect(mappingProperties(emulator)).toEqual(saved);
    emulator.locks.releaseOther('document');
    expect(run.call<MappingState>('resetMapping').source).toBe('detected');
    expect(mappingProperties(emulator).size).toBe(0);
  });

  it('in French', () => {
    const emulator = sampleEmulator('fr');
    const run = execution(emulator);
    emulator.locks.holdByOther('document');
    expect(errorOf(() => run.call('resetMapping'))).toBe(
      'L’association n’a pas été réinitialisée : une autre exécution occupe le document (un enregistrement, une réinitialisation ou une synthèse en cours) ; réessayez dans un instant.',
    );
  });

  it('a save refused for the same reason says it was not saved', () => {
    const emulator = sampleEmulator('en');
    const run = execution(emulator);
    const draft = run.call<MappingState>('getMappingState').draft;
    emulator.locks.holdByOther('document');
    expect(errorOf(() => run.call('saveMapping', draft))).toBe(
      'The mapping was not saved: another execution holds the document (a save, a reset or a summary being generated); try again in a moment.',
    );
    expect(mappingProperties(emulator).size).toBe(0);
  });
});
