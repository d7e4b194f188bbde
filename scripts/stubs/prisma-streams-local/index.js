throw new Error('@prisma/streams-local is not installed: Versus does not use prisma dev');
