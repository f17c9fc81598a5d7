import { subjectTags } from './iptc-subjects';

describe('subjectTags', () => {
  it('maps a detailed subj code to its named top-level subject', () => {
    const tags = subjectTags([{ code: 'subj:04006000' }]);
    expect(tags.map((t) => t.id)).toEqual(['subject:economy-business-and-finance']);
    expect(tags[0]?.aliases).toEqual(['subj:04000000']);
    expect(tags[0]?.provenance.fromProvider).toBe(true);
  });

  it('accepts the scheme as a separate field and keeps a named deeper code', () => {
    const tags = subjectTags([{ code: '16009000', scheme: 'subj', name: 'war' }]);
    expect(tags.map((t) => t.id).sort()).toEqual([
      'subject:unrest-conflicts-and-war',
      'subject:war',
    ]);
  });

  it('maps top-level media topics and ignores unknown schemes', () => {
    expect(
      subjectTags([{ code: 'medtop:11000000' }, { code: 'ap-category:a' }]).map((t) => t.id),
    ).toEqual(['subject:politics']);
  });
});
