package org.scim2j.examples.containers;

import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.io.TempDir;
import org.scim2j.servlet.ScimServlet;

import java.nio.file.Path;

// Every test and assertion is inherited from ContainerRecipeBehaviour; this class only starts the container.
/** {@link EmbeddedTomcat} over HTTP. */
class TomcatRecipeTest extends ContainerRecipeBehaviour {

    @TempDir
    Path workDir;
    private Tomcat tomcat;

    @Override
    String start(ScimServlet scim) throws Exception {
        tomcat = EmbeddedTomcat.start(scim, 0, workDir);
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    @Override
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
