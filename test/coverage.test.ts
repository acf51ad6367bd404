import * as fs from 'fs';
import * as path from 'path';
import * as connect from 'aws-cdk-lib/aws-connect';

/**
 * Nobody using cdk-connect should have to drop down to a Cfn* construct: every L1 class of the pinned
 * aws-cdk-lib/aws-connect must be created by some construct of the library.
 */
describe('L1 coverage', () => {
  const sources = fs.readdirSync(path.join(__dirname, '..', 'src', 'constructs'))
    .map(file => fs.readFileSync(path.join(__dirname, '..', 'src', 'constructs', file), 'utf-8'))
    .join('\n');
  const l1Classes = Object.entries(connect)
    .filter(([name, value]) => name.startsWith('Cfn') && typeof value === 'function' && 'CFN_RESOURCE_TYPE_NAME' in value)
    .map(([name]) => name);

  test('finds the L1 classes', () => {
    expect(l1Classes.length).toBeGreaterThanOrEqual(39);
  });

  test.each(l1Classes)('%s is used by a construct', (name) => {
    expect(sources).toMatch(new RegExp(`new ${name}\\(`));
  });
});
