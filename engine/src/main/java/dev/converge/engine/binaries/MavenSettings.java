package dev.converge.engine.binaries;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * MavenSettings is the part of a user's {@code settings.xml} that decides where binaries come from:
 * the local repository, offline mode, the mirror of Maven Central, and the HTTP proxy. Reading only
 * these few elements (not Maven's whole model) keeps Maven's resolver off the CLI's class path.
 *
 * @param localRepository the local repository ({@code <localRepository>}, else ~/.m2/repository)
 * @param offline         {@code <offline>true</offline>}: never download
 * @param centralUrl      the URL serving Maven Central: a mirror of central or of everything, else Central
 * @param proxy           the first active HTTP(S) proxy, if any
 */
public record MavenSettings(Path localRepository, boolean offline, URI centralUrl, Optional<Proxy> proxy) {
    /** Maven Central itself. */
    public static final URI CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    /**
     * An HTTP proxy from {@code <proxies>}.
     *
     * @param host          the proxy's host
     * @param port          its port
     * @param username      the user, or null
     * @param password      the password, or null (never printed)
     * @param nonProxyHosts hosts reached directly ({@code |}-separated, {@code *} wildcards)
     */
    public record Proxy(String host, int port, String username, String password, List<String> nonProxyHosts) {
        @Override
        public String toString() {
            return "Proxy[" + host + ":" + port + (username == null ? "" : ", user " + username) + "]";
        }

        /** Whether {@code host} is reached without the proxy. */
        public boolean bypasses(String host) {
            String name = host.toLowerCase(java.util.Locale.ROOT);
            for (String pattern : nonProxyHosts) {
                String lower = pattern.trim().toLowerCase(java.util.Locale.ROOT);
                if (!lower.isEmpty() && name.matches("\\Q" + lower.replace("*", "\\E.*\\Q") + "\\E")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The settings of this user: {@code ~/.m2/settings.xml}, or none (the defaults). */
    public static MavenSettings ofUser() {
        String home = System.getProperty("user.home", "");
        return read(Path.of(home, ".m2", "settings.xml"), Path.of(home, ".m2", "repository"));
    }

    /**
     * The settings in {@code file}, with {@code defaultLocal} when it names no local repository. A
     * missing file is the defaults; an unreadable one too, since binaries are only one source of many
     * and the error would hide the real one (the repository's answer says what is wrong).
     */
    public static MavenSettings read(Path file, Path defaultLocal) {
        MavenSettings defaults = new MavenSettings(defaultLocal, false, CENTRAL, Optional.empty());
        if (file == null || !Files.isRegularFile(file)) {
            return defaults;
        }
        try {
            return parse(parser().parse(file.toFile()).getDocumentElement(), defaultLocal);
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return defaults;
        }
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // A settings file names no external entity; refusing them keeps a crafted one from reading files.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newDocumentBuilder();
    }

    private static MavenSettings parse(Element root, Path defaultLocal) {
        String local = text(root, "localRepository");
        Path localRepository = local == null ? defaultLocal : Path.of(expand(local));
        boolean offline = "true".equalsIgnoreCase(text(root, "offline"));
        URI central = CENTRAL;
        for (Element mirror : children(child(root, "mirrors"), "mirror")) {
            String url = text(mirror, "url");
            if (url != null && mirrorsCentral(text(mirror, "mirrorOf"))) {
                central = URI.create(url.endsWith("/") ? url : url + "/");
                break;
            }
        }
        Optional<Proxy> proxy = Optional.empty();
        for (Element p : children(child(root, "proxies"), "proxy")) {
            String protocol = text(p, "protocol");
            boolean active = !"false".equalsIgnoreCase(text(p, "active"));
            if (active && (protocol == null || protocol.startsWith("http")) && text(p, "host") != null) {
                String port = text(p, "port");
                String nonProxy = text(p, "nonProxyHosts");
                proxy = Optional.of(new Proxy(text(p, "host"), port == null ? 8080 : Integer.parseInt(port),
                        text(p, "username"), text(p, "password"),
                        nonProxy == null ? List.of() : Arrays.asList(nonProxy.split("[|,]"))));
                break;
            }
        }
        return new MavenSettings(localRepository, offline, central, proxy);
    }

    /** Maven's mirrorOf: {@code *}, {@code external:*}, or a list naming central (and not {@code !central}). */
    static boolean mirrorsCentral(String mirrorOf) {
        if (mirrorOf == null) {
            return false;
        }
        List<String> ids = Arrays.stream(mirrorOf.split(",")).map(String::trim).toList();
        if (ids.contains("!central")) {
            return false;
        }
        return ids.contains("central") || ids.contains("*") || ids.contains("external:*");
    }

    private static String expand(String path) {
        return path.replace("${user.home}", System.getProperty("user.home", ""));
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            return null;
        }
        String text = e.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }
}
