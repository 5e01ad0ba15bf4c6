// The namespaces nearly every file of the generator uses; listed once so each file shows only what is particular to it.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using EntraStrongAuth.Core.Classification;
global using EntraStrongAuth.SignInGenerator.Catalog;
global using EntraStrongAuth.SignInGenerator.Generation;
global using EntraStrongAuth.SignInGenerator.Model;
