CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TYPE size AS ENUM ('s', 'l');
