import { Testing } from 'cdktf';

// Adds the CDKTF matchers (toHaveResourceWithProperties, toBeValidTerraform, ...).
Testing.setupJest();
