CREATE TYPE mood AS ENUM ('angry', 'sad', 'ok', 'happy', 'ecstatic'); CREATE TYPE size AS ENUM ('xs', 's', 'm', 'l', 'xl');
